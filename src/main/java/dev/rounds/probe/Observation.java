package dev.rounds.probe;

import java.util.Map;

/**
 * What a probe type measured, before the checklist's conditions judge it.
 *
 * @param values measured operands by key, e.g. {@code status -> 200}, {@code response_time -> Duration}
 * @param verdict {@code null} when the conditions decide; otherwise a status that stands whatever they say
 *     (a refused connection is {@code DOWN}, a missing secret is {@code ERROR})
 * @param message why, when the verdict is fixed; a short summary otherwise
 */
public record Observation(Map<String, Object> values, ProbeStatus verdict, String message) {

    public Observation {
        values = Map.copyOf(values);
    }

    public static Observation measured(Map<String, Object> values, String summary) {
        return new Observation(values, null, summary);
    }

    public static Observation down(Map<String, Object> values, String why) {
        return new Observation(values, ProbeStatus.DOWN, why);
    }

    public static Observation error(String why) {
        return new Observation(Map.of(), ProbeStatus.ERROR, why);
    }
}
