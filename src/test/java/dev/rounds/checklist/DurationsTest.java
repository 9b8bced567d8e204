package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            250ms   | PT0.25S
            30s     | PT30S
            5m      | PT5M
            26h     | PT26H
            7d      | PT168H
            4d17h   | PT113H
            1m30s   | PT1M30S
            1h5ms   | PT1H0.005S
            0s      | PT0S
            1d2h3m4s5ms | PT26H3M4.005S
            """)
    void parsesEveryUnitAndCombination(String text, Duration expected) {
        assertEquals(expected, Durations.parse("due", text));
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            5 minutes | 'every' must be a duration like 30s or 5m, got '5 minutes'
            60        | 'every' must be a duration like 30s or 5m, got '60' (add a unit: ms, s, m, h or d)
            1.5m      | 'every' must be a duration like 30s or 5m, got '1.5m' (use whole numbers, e.g. 1m30s instead of 1.5m)
            17h4d     | 'every' must be a duration like 30s or 5m, got '17h4d' (write units from days down to milliseconds, each once, e.g. 4d17h)
            5m5m      | 'every' must be a duration like 30s or 5m, got '5m5m' (write units from days down to milliseconds, each once, e.g. 4d17h)
            -5s       | 'every' must be a duration like 30s or 5m, got '-5s'
            5S        | 'every' must be a duration like 30s or 5m, got '5S'
            1w        | 'every' must be a duration like 30s or 5m, got '1w'
            99999999999999999999d | 'every' must be a duration like 30s or 5m, got '99999999999999999999d' (too large)
            """)
    void rejectsWhatIsNotADurationWithTheSettingName(String text, String message) {
        var error = assertThrows(IllegalArgumentException.class, () -> Durations.parse("every", text));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            PT0.812S        | 812ms
            PT0.0005S       | 0.5ms
            PT0.8123456S    | 812.3ms
            PT1.5S          | 1.5s
            PT1M30S         | 1m30s
            PT113H          | 4d17h
            PT0S            | 0s
            PT26H0.005S     | 1d2h
            PT2M25.393S     | 2m25s
            PT59.9994S      | 59.999s
            PT1M29.5S       | 1m30s
            """)
    void formatsForPeople(Duration duration, String expected) {
        assertEquals(expected, Durations.format(duration));
    }
}
