package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A probe key reads back what {@link ProbeKey#toString()} wrote, and says what is wrong with anything else. */
class ProbeKeyTest {

    @Test
    void readsWhatItWrites() {
        ProbeKey key = new ProbeKey("daily", "services-up", 3, "db01.example.org");
        assertEquals(key, ProbeKey.parse(key.toString()));
    }

    @Test
    void refusesTextThatIsNoProbeKey() {
        for (String bad : new String[] {
            "",
            "daily",
            "daily/services-up@db01",
            "daily/services-up#x@db01",
            "/services-up#0@db01",
            "daily/services-up#0@"
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeKey.parse(bad), bad);
            assertEquals(true, e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
