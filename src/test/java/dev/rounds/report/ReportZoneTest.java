package dev.rounds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rounds.core.ReportZone;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportZoneTest {

    @Test
    void theConfiguredZoneElseTheMachines() {
        assertEquals(ZoneId.of("Europe/Berlin"), new ReportZone(Optional.of(" Europe/Berlin")).get());
        assertEquals(ZoneId.systemDefault(), new ReportZone(Optional.of("")).get());
        assertEquals(ZoneId.systemDefault(), new ReportZone(Optional.empty()).get());
    }

    @Test
    void aWrongZoneSaysWhichKeyAndWhatIsExpected() {
        assertEquals(
                "rounds.report.zone must be a time zone like Europe/London or UTC, got 'Mars/Olympus'",
                assertThrows(IllegalArgumentException.class, () -> new ReportZone(Optional.of("Mars/Olympus")))
                        .getMessage());
    }
}
