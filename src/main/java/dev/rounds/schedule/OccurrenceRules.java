package dev.rounds.schedule;

import dev.rounds.checklist.SignoffPolicy;
import java.time.Instant;

/**
 * The occurrence state machine of DESIGN "Occurrences and compliance", as a pure function so that every
 * transition can be tested without a database or a clock.
 */
public final class OccurrenceRules {

    private OccurrenceRules() {}

    /** The part of an occurrence the rules read and write. */
    public record State(OccurrenceStatus status, boolean failureConfirmed, Instant completedAt) {}

    /**
     * What an occurrence looks like now.
     *
     * @param hasProbes whether the activity has probes; without them only a sign-off completes it
     * @param signedOffAt the time of the sign-off in force, or {@code null}
     */
    public record Inputs(
            SignoffPolicy policy,
            boolean hasProbes,
            ProbeVerdict verdict,
            Instant signedOffAt,
            Instant dueAt,
            Instant periodEnd,
            Instant now) {}

    public static State next(State state, Inputs in) {
        if (state.status().isSettled()) {
            return state;
        }
        boolean confirmed = state.failureConfirmed()
                || (in.policy() == SignoffPolicy.ON_FAILURE && in.verdict() == ProbeVerdict.FAILING);
        if (in.signedOffAt() != null) {
            OccurrenceStatus signed =
                    in.signedOffAt().isBefore(in.dueAt()) ? OccurrenceStatus.DONE : OccurrenceStatus.LATE;
            return new State(signed, confirmed, in.signedOffAt());
        }
        boolean needsSignoff = in.policy() == SignoffPolicy.ALWAYS || !in.hasProbes() || confirmed;
        boolean probesSatisfied = in.hasProbes() && in.verdict() == ProbeVerdict.PASSING;

        if (in.now().isBefore(in.dueAt())) {
            return new State(live(in.verdict(), confirmed), confirmed, null);
        }
        OccurrenceStatus status = state.status();
        if (status != OccurrenceStatus.MISSED) {
            // First look at or after due: passing becomes passed; anything else is missed.
            if (status == OccurrenceStatus.PASSING && !needsSignoff) {
                return new State(OccurrenceStatus.PASSED, confirmed, in.dueAt());
            }
            status = OccurrenceStatus.MISSED;
        }
        if (in.now().isBefore(in.periodEnd()) && probesSatisfied && !needsSignoff) {
            return new State(OccurrenceStatus.LATE, confirmed, in.now());
        }
        return new State(status, confirmed, null);
    }

    private static OccurrenceStatus live(ProbeVerdict verdict, boolean confirmed) {
        if (confirmed) {
            return OccurrenceStatus.FAILING;
        }
        return switch (verdict) {
            case PASSING -> OccurrenceStatus.PASSING;
            case FAILING -> OccurrenceStatus.FAILING;
            case PENDING -> OccurrenceStatus.OPEN;
        };
    }
}
