package dev.rounds.cluster;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The live members as one instance saw them at its latest check-in, and which of them runs a probe's slot.
 *
 * <p>Every member computes the same owner for a slot from the same rows: members take slots from
 * {@link Member#eligibleFrom()}, set when they join to a moment every member will have seen, and give them up from
 * {@link Member#leavingAt()}, set when they stop cleanly, likewise ahead of time. Views that differ because a member
 * died and not everyone has noticed yet cannot both claim a slot: removing a member that lost a probe never changes
 * who wins it. Nor can views that differ because a member joined while no one had settled yet: the first to settle
 * runs everything until then, whoever else it has seen.
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
     * (the first members are still settling), the one that settles first; {@code null} when the view knows no members.
     */
    public Member owner(long probeHash, Instant slot) {
        Member best = winner(probeHash, slot);
        return best != null ? best : firstToSettle(slot);
    }

    private Member winner(long probeHash, Instant slot) {
        Member best = null;
        long bestWeight = 0;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (!member.takesSlot(slot)) continue;
            long weight = Rendezvous.weight(probeHash, hashes[i]);
            if (best == null || Long.compareUnsigned(weight, bestWeight) > 0) {
                best = member;
                bestWeight = weight;
            }
        }
        return best;
    }

    /**
     * While no member takes slots, the one that settles first runs them all. Not a rendezvous among those present: a
     * member that has not yet seen a newer one would claim every slot while the newer one claimed its share of them
     * (ClusterIT caught both instances connecting to a listener for one slot when the second joined within the first's
     * settle time). The earliest to settle is the same whether a view knows the later members or not.
     */
    private Member firstToSettle(Instant slot) {
        return members.stream()
                .filter(m -> m.isPresentAt(slot))
                .min(Comparator.comparing(Member::eligibleFrom).thenComparing(Member::id))
                .orElse(null);
    }
}
