package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations in messages read as a checklist writes them. */
class ProbeTimeoutTest {

    @ParameterizedTest
    @CsvSource({"PT2S, 2s", "PT0.5S, 500ms", "PT1M30S, 1m30s", "PT1.5S, 1.5s", "PT1H, 1h", "PT0.0015S, 1.5ms",
            "PT0S, 0ms", "PT26H, 26h"})
    void describesDurationsCompactly(Duration duration, String text) {
        assertEquals(text, ProbeTimeout.describe(duration));
    }
}
