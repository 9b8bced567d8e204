package dev.rounds.cluster;

import java.time.Instant;
import java.util.List;

/**
 * The live members as one instance saw them at its latest check-in, and which of them runs a probe's slot.
 *
 * <p>Every member computes the same owner for a slot from the same rows: members take slots from
 * {@link Member#eligibleFrom()}, set when they join to a moment every member will have seen, and give them up from
 * {@link Member#leavingAt()}, set when they stop cleanly, likewise ahead of time. Views that differ because a member
 * died and not everyone has noticed yet cannot both claim a slot: removing a member that lost a probe never changes
 * who wins it.
 */
public record ClusterView(String self, Instant seenAt, List<Member> members, long[] hashes) {

    public ClusterView(String self, Instant seenAt, List<Member> members) {
        this(
                self,
                seenAt,
                List.copyOf(members),
                members.stream().mapToLong(Member::hash).toArray());
    }

    /** The view of an instance alone, before its first check-in or without a database to check in with. */
    public static ClusterView alone(String self) {
        return new ClusterView(self, null, List.of());
    }

    /** Whether this instance runs the probe with this hash ({@link Rendezvous#hash}) at {@code slot}. */
    public boolean owns(long probeHash, Instant slot) {
        Member owner = owner(probeHash, slot);
        return owner == null || owner.id().equals(self);
    }

    /**
     * The member that runs the probe at {@code slot}: the winner among those taking slots then, or, while none is
     * (the first instance is still settling), among all present; {@code null} when the view knows no members.
     */
    public Member owner(long probeHash, Instant slot) {
        Member best = winner(probeHash, slot, true);
        return best != null ? best : winner(probeHash, slot, false);
    }

    private Member winner(long probeHash, Instant slot, boolean eligibleOnly) {
        Member best = null;
        long bestWeight = 0;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (eligibleOnly ? !member.takesSlot(slot) : !member.isPresentAt(slot)) continue;
            long weight = Rendezvous.weight(probeHash, hashes[i]);
            if (best == null || Long.compareUnsigned(weight, bestWeight) > 0) {
                best = member;
                bestWeight = weight;
            }
        }
        return best;
    }
}
