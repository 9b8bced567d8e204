package dev.rounds.report.controls;

import dev.rounds.core.Interval;
import dev.rounds.report.rollup.InListQuery;
import dev.rounds.signoff.Evidence;
import dev.rounds.signoff.SignOff;
import dev.rounds.waiver.Waiver;
import dev.rounds.waiver.WaiverState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The stored records the control report cites: sign-offs with their files, waivers, audit sequence ranges. */
@ApplicationScoped
class EvidenceReads {

    /** Ids per {@code in} list of a Panache query. */
    private static final int CHUNK = 500;

    @Inject
    DataSource dataSource;

    /** The sign-offs of the occurrences (id → subject), superseded ones included, by time then id. */
    List<SignOffEvidence> signOffs(Map<Long, String> occurrences) {
        List<SignOff> signOffs = new ArrayList<>();
        for (List<Long> ids : chunks(occurrences.keySet())) {
            signOffs.addAll(SignOff.list("occurrenceId in ?1", ids));
        }
        signOffs.sort(Comparator.comparing((SignOff s) -> s.signedAt).thenComparing(s -> s.id));
        Map<Long, List<EvidenceFile>> files = new HashMap<>();
        for (List<Long> ids : chunks(signOffs.stream().map(s -> s.id).toList())) {
            List<Evidence> evidence = Evidence.list("signOffId in ?1 order by id", ids);
            for (Evidence e : evidence) {
                files.computeIfAbsent(e.signOffId, id -> new ArrayList<>())
                        .add(new EvidenceFile(e.fileName, e.sha256, e.sizeBytes));
            }
        }
        return signOffs.stream()
                .map(s -> new SignOffEvidence(
                        occurrences.get(s.occurrenceId),
                        s.actor,
                        s.signedAt,
                        s.note,
                        files.getOrDefault(s.id, List.of())))
                .toList();
    }

    /** The activity's waivers that were approved and in force at some time within the period, by id. */
    List<WaiverEvidence> waivers(String checklistId, String activityId, Interval period) {
        List<Waiver> waivers = Waiver.list(
                "checklistId = ?1 and activityId = ?2 and state in ?3 and decidedAt < ?4 and expiresAt > ?5"
                        + " and (revokedAt is null or revokedAt > ?5) order by id",
                checklistId,
                activityId,
                List.of(WaiverState.APPROVED, WaiverState.REVOKED, WaiverState.EXPIRED),
                period.to(),
                period.from());
        return waivers.stream()
                .map(w -> new WaiverEvidence(
                        w.id, w.activity(), w.requestedBy, w.decidedBy, w.reason, w.decidedAt, w.expiresAt))
                .toList();
    }

    /** The lowest and highest seq, up to {@code lastSeq}, of the audit entries about each subject that has any. */
    Map<String, AuditRange> auditRanges(Collection<String> subjects, long lastSeq) {
        Map<String, AuditRange> ranges = new HashMap<>();
        if (subjects.isEmpty()) return ranges;
        try (Connection connection = dataSource.getConnection()) {
            InListQuery.forEachIn(
                    connection,
                    "SELECT subject, seq FROM audit_log WHERE seq <= ? AND subject IN ",
                    subjects,
                    List.of(lastSeq),
                    rows -> {
                        long seq = rows.getLong(2);
                        ranges.merge(rows.getString(1), new AuditRange(seq, seq), AuditRange::span);
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log's sequence ranges: " + e.getMessage(), e);
        }
        return ranges;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        var all = new ArrayList<>(ids);
        var chunks = new ArrayList<List<Long>>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
