package dev.rounds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait doubles from the base with each failure and never exceeds an hour. */
class BackoffTest {

    @Test
    void doublesFromTheBaseUpToAnHour() {
        Duration base = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(30), Backoff.after(base, 1));
        assertEquals(Duration.ofSeconds(60), Backoff.after(base, 2));
        assertEquals(Duration.ofSeconds(120), Backoff.after(base, 3));
        assertEquals(Duration.ofMinutes(32), Backoff.after(base, 7));
        assertEquals(Duration.ofHours(1), Backoff.after(base, 8));
        assertEquals(Duration.ofHours(1), Backoff.after(base, 1000));
        assertEquals(Duration.ofHours(1), Backoff.after(Duration.ofHours(2), 1));
    }
}
