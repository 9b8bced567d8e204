package dev.rounds.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
}
