package dev.rounds.report.review;

import dev.rounds.core.Incident;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.sla.SlaFeeds;
import dev.rounds.report.sla.SlaFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The managers' weekly review, following the guide's weekly rows: SLA figures against their objectives, the week's
 * alerts, performance and backlog trends, the changes made and what followed them, and the weekly rows themselves
 * ending with the operations review's sign-off.
 *
 * @param ended whether the week is over; a running week's figures run up to {@code now}
 * @param slaFeeds per target, which of its probes feed its SLA figures and which do not
 * @param minCoveragePercent the coverage below which availability reads "not enough data"
 * @param performanceChart inline SVG of each target's daily p95 response time
 * @param backlogChart inline SVG of each backlog probe's daily item count, or {@code null} without backlog probes
 * @param operationsReview the occurrence of the weekly operations review, or {@code null} if the pack has none
 */
public record WeeklyReview(
        ReportPeriod period,
        Instant now,
        boolean ended,
        List<ComplianceFigures> compliance,
        List<SlaFigures> sla,
        Map<String, SlaFeeds> slaFeeds,
        int minCoveragePercent,
        List<Incident> alerts,
        String performanceChart,
        List<ChangeLine> changes,
        String backlogChart,
        List<ReviewItem> rows,
        List<ReviewItem> ruledRows,
        ReviewItem operationsReview) {

    /**
     * A change implemented in the week, with the incidents that started on its target (any target when it names
     * none) within {@link WeeklyReviewAssembler#AFTER_CHANGE} of its implementation.
     */
    public record ChangeLine(
            long id,
            String title,
            String target,
            String state,
            Instant implementedAt,
            String implementedBy,
            String outcome,
            List<Incident> followedBy) {}
}
