package dev.rounds.probe;

import dev.rounds.checklist.ConditionOutcome;
import dev.rounds.text.SuppliedText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One probe run: the only thing storage, occurrences, reports and metrics know about probes.
 *
 * @param values the measured operands by key ({@code status}, {@code response_time}...)
 * @param conditions each {@code expect} line's outcome, in declaration order
 * @param message a sentence explaining the status, e.g. {@code connection refused by 127.0.0.1:9}
 * @param setup what Rounds lacks before the probe can judge its target, or {@code null}; kept with the probe's
 *     latest state for the dashboard, not stored with the result
 */
public record ProbeResult(
        ProbeKey key,
        String type,
        Instant startedAt,
        Duration duration,
        ProbeStatus status,
        Map<String, Object> values,
        List<ConditionOutcome> conditions,
        String message,
        SetupNeed setup) {

    public ProbeResult(
            ProbeKey key,
            String type,
            Instant startedAt,
            Duration duration,
            ProbeStatus status,
            Map<String, Object> values,
            List<ConditionOutcome> conditions,
            String message) {
        this(key, type, startedAt, duration, status, values, conditions, message, null);
    }

    /** The message is machine text (plug-in output, quoted bodies): it is stored with U+FFFD for what the text rule refuses. */
    public ProbeResult {
        message = SuppliedText.clean(message);
        values = Map.copyOf(values);
        conditions = List.copyOf(conditions);
    }
}
