package dev.rounds.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ExportRangeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void datesAreWholeDaysInTheReportZoneWithToIncluded() {
        ExportRange range = ExportRange.parse("2026-03-29", "2026-03-29", LONDON);

        assertEquals(Instant.parse("2026-03-29T00:00:00Z"), range.interval().from());
        // The day the clocks go forward is 23 hours long.
        assertEquals(Instant.parse("2026-03-29T23:00:00Z"), range.interval().to());
        assertEquals("rounds-audit-2026-03-29-2026-03-29.zip", range.fileName());
    }

    @Test
    void instantsAreTakenAsTheyAreWithToExcluded() {
        ExportRange range = ExportRange.parse("2026-11-01T06:00:00Z", "2026-11-02T06:00:00Z", LONDON);

        assertEquals(Instant.parse("2026-11-01T06:00:00Z"), range.interval().from());
        assertEquals(Instant.parse("2026-11-02T06:00:00Z"), range.interval().to());
        assertEquals("rounds-audit-2026-11-01T06-00-00Z-2026-11-02T06-00-00Z.zip", range.fileName());
    }

    @Test
    void fourHundredDaysAreTheLongestRange() {
        assertEquals(
                400,
                ExportRange.parse("2026-01-01", "2027-02-04", ZoneId.of("UTC"))
                        .interval()
                        .length()
                        .toDays());
        IllegalArgumentException tooLong = assertThrows(
                IllegalArgumentException.class, () -> ExportRange.parse("2026-01-01", "2027-02-05", ZoneId.of("UTC")));
        assertEquals(
                "'to' (2027-02-05) is 401 days after 'from' (2026-01-01); a bundle covers at most 400 days,"
                        + " export a longer span in parts",
                tooLong.getMessage());
    }
}
