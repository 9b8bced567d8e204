package dev.rounds.report.rollup;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ends the open incidents of probes that no longer run: removed from their checklist, their activity or target
 * paused, or the target dropped from the probe. Only an {@code up} result of its own probe ends an incident, and such a probe sends none, so its incident
 * would otherwise count as downtime for ever. It ends at the probe's last result: what came after is not known.
 */
final class OrphanedIncidents {

    private static final Logger LOG = Logger.getLogger(OrphanedIncidents.class);
    private static final String OPEN = "SELECT id, probe_key, confirmed_at FROM incident WHERE ended_at IS NULL";
    private static final String LAST_RESULT = "SELECT MAX(started_at) FROM probe_result WHERE probe_key = ?";
    private static final String END = "UPDATE incident SET ended_at = ? WHERE id = ? AND ended_at IS NULL";
    private static final String FORGET_RUN = "UPDATE rollup_probe SET consecutive_down = 0, first_down_at = NULL,"
            + " open_incident_id = NULL WHERE probe_key = ?";

    private OrphanedIncidents() {}

    /** Ends each open incident whose probe no longer runs under {@code checklists}; returns how many. */
    static int end(Connection connection, ChecklistSet checklists) throws SQLException {
        record Open(long id, String probeKey, Instant confirmedAt) {}
        var orphans = new ArrayList<Open>();
        try (PreparedStatement open = connection.prepareStatement(OPEN);
                ResultSet rows = open.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString(2);
                if (!runs(checklists, key)) {
                    orphans.add(new Open(
                            rows.getLong(1),
                            key,
                            rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        for (Open orphan : orphans) {
            Instant end = lastResult(connection, orphan.probeKey()).orElse(orphan.confirmedAt());
            try (PreparedStatement update = connection.prepareStatement(END)) {
                update.setObject(1, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
                update.setLong(2, orphan.id());
                update.executeUpdate();
            }
            try (PreparedStatement forget = connection.prepareStatement(FORGET_RUN)) {
                forget.setString(1, orphan.probeKey());
                forget.executeUpdate();
            }
            LOG.infof(
                    "probe=%s incident %d ended at its last result %s: the probe no longer runs",
                    orphan.probeKey(), orphan.id(), end);
        }
        return orphans.size();
    }

    /**
     * Whether the probe still runs: configured, its activity not paused, and its target, where the inventory still
     * has it, neither paused nor dropped from the probe. A target gone from the inventory is left alone: no report
     * lists it any more.
     */
    private static boolean runs(ChecklistSet checklists, String probeKey) {
        ProbeKey key;
        try {
            key = ProbeKey.parse(probeKey);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        Optional<ProbeSpec> spec = checklists
                .checklist(key.checklistId())
                .flatMap(checklist -> checklist.activity(key.activityId()))
                .filter(Activity::enabled)
                .flatMap(a -> a.probes().stream()
                        .filter(p -> p.index() == key.probeIndex())
                        .findFirst());
        if (spec.isEmpty()) return false;
        Optional<Target> target = checklists.inventory().target(key.targetId());
        return target.isEmpty()
                || target.get().enabled() && spec.get().targets().stream().anyMatch(t -> t.id().equals(key.targetId()));
    }

    private static Optional<Instant> lastResult(Connection connection, String probeKey) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement(LAST_RESULT)) {
            last.setString(1, probeKey);
            try (ResultSet row = last.executeQuery()) {
                row.next();
                OffsetDateTime at = row.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        }
    }
}
