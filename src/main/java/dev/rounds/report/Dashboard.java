package dev.rounds.report;

import dev.rounds.report.compliance.ComplianceFigures;
import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard shows, computed before rendering so that the template only lays it out.
 *
 * @param awaitingSignoff today's occurrences a person still has to sign off
 * @param today compliance of what came due today so far
 * @param failingProbes the probes of the current occurrences whose latest result is down or error, once each
 * @param overdue current occurrences whose due time passed without completion (they may still end late)
 * @param newAdvisories stored advisories matching the inventory that nobody has triaged yet
 * @param applyingAdvisories advisories triaged as applying, not yet patched
 * @param backups the latest result of every backup probe of the current occurrences
 */
public record Dashboard(
        Instant now,
        ComplianceFigures today,
        List<Card> checklists,
        List<Row> awaitingSignoff,
        List<FailingProbe> failingProbes,
        List<Row> overdue,
        long failing,
        long missed,
        long completed,
        long total,
        long newAdvisories,
        long applyingAdvisories,
        List<FailingProbe> backups) {

    /** One checklist's occurrences in its current period. */
    public record Card(String id, String title, String period, String owner, List<Row> rows) {}

    /** One occurrence with the latest result of each of its probes against each target. */
    public record Row(
            long id,
            String activity,
            String title,
            String status,
            String reason,
            Instant dueAt,
            String signedOffBy,
            boolean awaitingSignoff,
            List<ProbeLine> probes) {}

    /**
     * The latest result of one probe against one target; {@code status} is {@code pending} before the first.
     *
     * @param key the probe × target key that acknowledgements name
     * @param ack the acknowledgement in force, or {@code null}
     */
    public record ProbeLine(
            String key, String type, String target, String status, String message, Instant at, Ack ack) {

        /** Whether a person may acknowledge this probe now: it fails and nobody has acknowledged it yet. */
        public boolean acknowledgeable() {
            return ack == null && (status.equals("down") || status.equals("error"));
        }
    }

    /** A probe line with the activity it belongs to, for the lists that gather probes from every checklist. */
    public record FailingProbe(long occurrenceId, String activityTitle, ProbeLine probe) {}

    /** Someone's acknowledgement of a failing probe: shown beside it, changing nothing else. */
    public record Ack(long id, String actor, Instant until, String reason) {}
}
