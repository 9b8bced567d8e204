package dev.rounds.report.review;

import dev.rounds.report.ReportPeriod;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.sla.SlaFeeds;
import dev.rounds.report.sla.SlaFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The managers' monthly review, following the guide's monthly rows: compliance day by day, capacity trends with
 * the day each resource fills at its present rate, the security review, the monthly rows (documentation,
 * automation versions, service packs…) and the state of the disaster-recovery test.
 *
 * @param heatmap inline SVG calendar of each day's compliance
 * @param sla each target's availability and downtime over the month (up to now while it runs)
 * @param slaFeeds per target, which of its probes feed its SLA figures and which do not
 * @param minCoveragePercent the coverage below which availability reads "not enough data"
 * @param rows the monthly checklist rows of the month
 * @param recovery the quarterly rows (the disaster-recovery test) of the quarter holding the month
 */
public record MonthlyReview(
        ReportPeriod period,
        Instant now,
        boolean ended,
        List<ComplianceFigures> compliance,
        String heatmap,
        List<SlaFigures> sla,
        Map<String, SlaFeeds> slaFeeds,
        int minCoveragePercent,
        List<Capacity> capacity,
        Security security,
        List<ReviewItem> rows,
        List<ReviewItem> ruledRows,
        List<ReviewItem> recovery) {

    /**
     * One resource of one target: its daily mean over the trend window and where the straight line through it
     * meets 100%.
     *
     * @param latest the last daily mean, a fraction
     * @param slopePerDay growth per day, a fraction; {@code null} without two days of data
     * @param fullOn the day it fills at this rate, or {@code null} when it does not grow
     */
    public record Capacity(
            String target,
            String resource,
            String probeKey,
            Double latest,
            Double slopePerDay,
            LocalDate fullOn,
            String chart) {

        /** Growth over 30 days in percentage points: {@code +1.5 pt}. */
        public String monthlyGrowth() {
            return slopePerDay == null ? "—" : String.format(java.util.Locale.ROOT, "%+.1f pt", slopePerDay * 30 * 100);
        }
    }

    /**
     * Advisories seen in the month, by their triage state now, and the ones still open from any time.
     *
     * @param open advisories new or applying, whenever first seen
     */
    public record Security(
            int seen, int untriaged, int applies, int notApplicable, int patched, List<AdvisoryLine> open) {}

    public record AdvisoryLine(long id, String title, String link, String state, Instant firstSeen, String targets) {}
}
