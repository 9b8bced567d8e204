package dev.rounds.probe;

import java.util.Map;

/**
 * What a probe type measured, before the checklist's conditions judge it.
 *
 * @param values measured operands by key, e.g. {@code status -> 200}, {@code response_time -> Duration}
 * @param verdict {@code null} when the conditions decide; otherwise a status that stands whatever they say
 *     (a refused connection is {@code DOWN}, a missing secret is {@code ERROR})
 * @param message why, when the verdict is fixed; a short summary otherwise
 * @param setup what Rounds lacks before the probe can judge its target, or {@code null}
 */
public record Observation(Map<String, Object> values, ProbeStatus verdict, String message, SetupNeed setup) {

    public Observation {
        values = Map.copyOf(values);
    }

    public Observation(Map<String, Object> values, ProbeStatus verdict, String message) {
        this(values, verdict, message, null);
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

    /** An error because Rounds lacks something before it can probe at all: a credential, a tool, a path. */
    public static Observation lacking(SetupNeed need, String why) {
        return new Observation(Map.of(), ProbeStatus.ERROR, why, need);
    }

    /** The error of a probe whose settings Rounds cannot act on: a {@link SetupMissing} says what it lacks. */
    public static Observation misconfigured(RuntimeException why) {
        return why instanceof SetupMissing missing
                ? lacking(missing.need(), missing.getMessage())
                : error(why.getMessage());
    }

    /** The same observation, saying what setup it points to ({@code null}: none). */
    public Observation needing(SetupNeed need) {
        return new Observation(values, verdict, message, need);
    }
}
