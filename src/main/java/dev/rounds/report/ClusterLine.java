package dev.rounds.report;

import dev.rounds.cluster.ClusterView;
import dev.rounds.cluster.Member;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard's line on the instances sharing the database: each member, the probes it holds and its last
 * check-in. Shown when there is more than one instance, or on a database made for several (PostgreSQL) even when
 * one is left, so that a lost member does not go unnoticed.
 */
public record ClusterLine(boolean shown, List<MemberLine> members) {

    public record MemberLine(String id, boolean self, int probes, Instant checkedInAt) {}

    /** Not shown: what the dashboard shows of one instance on its own. */
    static final ClusterLine HIDDEN = new ClusterLine(false, List.of());

    static ClusterLine of(ClusterView view, boolean sharedDatabase) {
        if (!sharedDatabase && view.members().size() < 2) return HIDDEN;
        return new ClusterLine(
                true, view.members().stream().map(m -> line(m, view.self())).toList());
    }

    private static MemberLine line(Member member, String self) {
        return new MemberLine(member.id(), member.id().equals(self), member.probes(), member.checkedInAt());
    }
}
