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
 * @param confirm consecutive {@code down} results needed before a failure is confirmed
 */
public record ProbeSpec(int index, String type, String targetRef, List<Target> targets, Map<String, Object> settings,
        Duration every, Duration timeout, int confirm, List<Condition> expect) {

    public ProbeSpec {
        targets = List.copyOf(targets);
        settings = Map.copyOf(settings);
        expect = List.copyOf(expect);
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
