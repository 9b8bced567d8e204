package dev.rounds.checklist;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations as checklists spell them: {@code 250ms 30s 5m 26h 7d}, or combined {@code 4d17h}. */
public final class Durations {

    // Units go from days down to milliseconds, each at most once; "m(?!s)" keeps 5ms from reading as 5 minutes.
    private static final Pattern FORM =
            Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Durations() {}

    /** Parses a duration, or returns empty if the text is not one. */
    public static Optional<Duration> tryParse(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return Optional.empty();
        try {
            Duration total = Duration.ZERO;
            total = total.plus(Duration.ofDays(part(m, 1)));
            total = total.plus(Duration.ofHours(part(m, 2)));
            total = total.plus(Duration.ofMinutes(part(m, 3)));
            total = total.plus(Duration.ofSeconds(part(m, 4)));
            total = total.plus(Duration.ofMillis(part(m, 5)));
            return Optional.of(total);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * Parses the value of a setting.
     *
     * @param key the setting's name, used in the error: {@code 'every' must be a duration like 30s or 5m, got '5 minutes'}
     * @throws IllegalArgumentException with that sentence when the text is not a duration
     */
    public static Duration parse(String key, String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + key + "' must be a duration like 30s or 5m, got " + Problem.quote(text) + hint(text)));
    }

    /** Writes a duration the way a person reads it: {@code 812ms}, {@code 1.5s}, {@code 1m30s}, {@code 4d17h}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) return "-" + format(duration.negated());
        if (duration.isZero()) return "0s";
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            BigDecimal millis =
                    BigDecimal.valueOf(duration.toNanos()).movePointLeft(6).setScale(1, java.math.RoundingMode.HALF_UP);
            return millis.stripTrailingZeros().toPlainString() + "ms";
        }
        if (duration.compareTo(Duration.ofMinutes(1)) >= 0) {
            // Past a minute, fractions of a second are noise to a reader (an age of 2m25.393s).
            duration = duration.plusMillis(500).truncatedTo(ChronoUnit.SECONDS);
        }
        StringBuilder out = new StringBuilder();
        long days = duration.toDays();
        if (days > 0) out.append(days).append('d');
        if (duration.toHoursPart() > 0) out.append(duration.toHoursPart()).append('h');
        if (duration.toMinutesPart() > 0) out.append(duration.toMinutesPart()).append('m');
        if (duration.toSecondsPart() > 0 || duration.toNanosPart() > 0) {
            BigDecimal seconds = BigDecimal.valueOf(duration.toSecondsPart())
                    .add(BigDecimal.valueOf(duration.toNanosPart()).movePointLeft(9))
                    .setScale(3, java.math.RoundingMode.HALF_UP);
            out.append(seconds.stripTrailingZeros().toPlainString()).append('s');
        }
        return out.toString();
    }

    private static long part(Matcher m, int group) {
        String digits = m.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static String hint(String text) {
        if (text == null || text.isBlank()) return "";
        if (FORM.matcher(text).matches()) return " (too large)";
        if (text.matches("\\d+")) return " (add a unit: ms, s, m, h or d)";
        if (text.matches("[\\d.]+[a-z]+") && text.contains("."))
            return " (use whole numbers, e.g. 1m30s instead of 1.5m)";
        if (text.matches("(\\d+(ms|[dhms]))+"))
            return " (write units from days down to milliseconds, each once, e.g. 4d17h)";
        return "";
    }
}
