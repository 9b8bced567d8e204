package dev.rounds.checklist;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An automated check as declared in a checklist, with defaults applied and conditions parsed.
 *
 * @param index position of the probe within its activity, part of its stable identity
 * @param targetRef the target as written: a target id or {@code group:NAME}
 * @param targets the targets it resolves to, in inventory order
 * @param settings the type-specific keys (path, port, method...), values already converted to their kinds
 * @param every interval of a continuous probe, or {@code null} for a probe that runs once per occurrence
 * @param timeout the probe's own timeout, or {@code null} when it has none: use {@link #timeoutFor(Target)}
 * @param confirm consecutive {@code down} results needed before a failure is confirmed: the probe's own, else the
 *     default its targets' groups agree on, else {@value #DEFAULT_CONFIRM}
 */
public record ProbeSpec(
        int index,
        String type,
        String targetRef,
        List<Target> targets,
        Map<String, Object> settings,
        Duration every,
        Duration timeout,
        int confirm,
        List<Condition> expect) {

    /** The timeout of a probe when neither it nor its target's groups set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Consecutive {@code down} results needed when neither the probe nor its target's groups say. */
    public static final int DEFAULT_CONFIRM = 2;

    public ProbeSpec {
        targets = List.copyOf(targets);
        settings = Map.copyOf(settings);
        expect = List.copyOf(expect);
    }

    /** How long a run against this target may take: the probe's own timeout, else the target's default, else 10s. */
    public Duration timeoutFor(Target target) {
        if (timeout != null) return timeout;
        Object inherited = target.defaults().get("timeout");
        return inherited instanceof Duration d ? d : DEFAULT_TIMEOUT;
    }

    public boolean isContinuous() {
        return every != null;
    }

    public String setting(String key, String fallback) {
        Object value = settings.get(key);
        return value == null ? fallback : value.toString();
    }

    public <T> T setting(String key, Class<T> kind, T fallback) {
        Object value = settings.get(key);
        return value == null ? fallback : kind.cast(value);
    }
}
