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

    static ClusterLine of(ClusterView view, boolean sharedDatabase) {
        List<MemberLine> members =
                view.members().stream().map(m -> line(m, view.self())).toList();
        return new ClusterLine(sharedDatabase || members.size() > 1, members);
    }

    private static MemberLine line(Member member, String self) {
        return new MemberLine(member.id(), member.id().equals(self), member.probes(), member.checkedInAt());
    }
}
