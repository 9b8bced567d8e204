package dev.rounds.probe;

import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import java.time.Duration;
import java.util.regex.Pattern;

/** The time a probe run may take against a target, and the compact way Rounds writes durations in messages. */
public final class ProbeTimeout {

    /** The timeout when neither the probe nor the target's groups say otherwise. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

    private ProbeTimeout() {
    }

    /** The probe's own timeout, else the target's inherited {@code timeout} default, else {@link #DEFAULT}. */
    public static Duration of(ProbeSpec spec, Target target) {
        if (spec.timeout() != null) return spec.timeout();
        Object inherited = target.defaults().get("timeout");
        if (inherited instanceof Duration duration) return duration;
        if (inherited != null) {
            var matcher = SIMPLE.matcher(inherited.toString().trim());
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
        }
        return DEFAULT;
    }

    /** Writes a duration as a checklist would: {@code 2s}, {@code 500ms}, {@code 1m30s}, {@code 1.5ms}. */
    public static String describe(Duration duration) {
        if (duration.toNanos() % 1_000_000 != 0) {
            // By hand rather than String.format: this runs for every probe result, on the event loop.
            long tenths = Math.round(duration.toNanos() / 100_000.0);
            return tenths / 10 + "." + tenths % 10 + "ms";
        }
        if (duration.toMillis() < 1000 || duration.toMillis() % 1000 != 0) {
            return duration.toMillis() < 1000 ? duration.toMillis() + "ms" : duration.toMillis() / 1000.0 + "s";
        }
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) text.append(seconds / 3600).append('h');
        if (seconds % 3600 >= 60) text.append(seconds % 3600 / 60).append('m');
        if (seconds % 60 != 0 || text.length() == 0) text.append(seconds % 60).append('s');
        return text.toString();
    }
}
