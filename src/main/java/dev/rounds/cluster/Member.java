package dev.rounds.cluster;

import java.time.Instant;

/**
 * One running instance as its lease row says: where it runs, when it started and last checked in, from which slot
 * it takes probes and, once it stops cleanly, from which slot it gives them up; how many probes it held at its last
 * check-in.
 */
public record Member(
        String id,
        String host,
        long pid,
        Instant startedAt,
        Instant checkedInAt,
        Instant eligibleFrom,
        Instant leavingAt,
        int probes) {

    /** Whether this member runs probes scheduled for {@code slot}, if it wins them. */
    boolean takesSlot(Instant slot) {
        return !eligibleFrom.isAfter(slot) && isPresentAt(slot);
    }

    /** Whether this member has not yet given up slots at {@code slot}. */
    boolean isPresentAt(Instant slot) {
        return leavingAt == null || slot.isBefore(leavingAt);
    }

    long hash() {
        return Rendezvous.hash(id);
    }
}
