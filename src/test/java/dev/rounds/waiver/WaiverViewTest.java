package dev.rounds.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "expires in N days" on the waivers page: whole units, rounded down. */
class WaiverViewTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "P3DT23H, 3 days",
        "P1DT2H, 1 day",
        "PT23H59M, 23 hours",
        "PT1H, 1 hour",
        "PT59M, 59 minutes",
        "PT20S, 1 minute"
    })
    void timeLeftIsInWholeUnits(Duration left, String words) {
        assertEquals(words, WaiverView.inWords(left));
    }

    @ParameterizedTest(name = "expiring at {0} in {1}: last day {2}")
    @CsvSource({
        "2026-12-06T00:00:00Z, UTC, 2026-12-05",
        "2026-12-05T23:00:00Z, Europe/Berlin, 2026-12-05",
        "2026-12-06T05:00:00Z, America/New_York, 2026-12-05"
    })
    void aWaiverShowsTheLastDayItCoversNotTheMidnightItEndsAt(Instant expires, ZoneId zone, LocalDate lastDay) {
        var waiver = new Waiver();
        waiver.id = 1L;
        waiver.checklistId = "daily";
        waiver.activityId = "tapes";
        waiver.state = WaiverState.REQUESTED;
        waiver.expiresAt = expires;
        assertEquals(
                lastDay,
                WaiverView.of(waiver, Instant.parse("2026-12-03T07:00:00Z"), zone)
                        .lastDay());
    }
}
