package dev.rounds.report.review;

import dev.rounds.advisory.Advisory;
import dev.rounds.advisory.TriageState;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.core.Interval;
import dev.rounds.probe.ProbeKey;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.chart.CalendarHeatmap;
import dev.rounds.report.chart.LineChart;
import dev.rounds.report.chart.Point;
import dev.rounds.report.chart.Series;
import dev.rounds.report.chart.Units;
import dev.rounds.report.compliance.ComplianceCalculator;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.compliance.ComplianceService;
import dev.rounds.report.compliance.OccurrenceFact;
import dev.rounds.report.rollup.Rollups;
import dev.rounds.report.sla.SlaFeeds;
import dev.rounds.report.sla.SlaService;
import dev.rounds.report.sla.SlaText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Gathers the monthly review from rollups, occurrences and advisories — never raw results. */
@ApplicationScoped
public class MonthlyReviewAssembler {

    /** How far back a capacity trend looks: long enough to see growth, short enough to follow a change of pace. */
    static final Duration TREND_WINDOW = Duration.ofDays(90);
    /** Metrics values that measure how full a resource is, as a fraction: the node preset's disk_used, memory_used. */
    static final String RESOURCE_SUFFIX = "_used";

    @Inject
    ComplianceService compliance;

    @Inject
    Rollups rollups;

    @Inject
    ProbeSeries probeSeries;

    @Inject
    SlaService sla;

    @Inject
    ChecklistRegistry registry;

    @Inject
    Clock clock;

    public MonthlyReview assemble(ReportPeriod month) {
        Instant now = clock.instant();
        Interval whole = month.interval();
        List<OccurrenceFact> facts = compliance.facts(whole);
        List<ComplianceFigures> figures = ComplianceCalculator.figures(facts, whole, now);
        Map<LocalDate, Double> shares = new HashMap<>();
        ComplianceCalculator.byDay(facts, whole, month.zone(), now)
                .forEach((day, f) -> shares.put(
                        day, f.compliance() == null ? null : f.compliance().doubleValue()));
        String heatmap = new CalendarHeatmap(
                        "Compliance per day",
                        YearMonth.from(month.first()),
                        shares,
                        // rounded down: a day with one late item among hundreds is not 100%
                        share -> SlaText.percent(BigDecimal.valueOf(share), 0))
                .render();
        LocalDate quarter = month.first().withMonth((month.first().getMonthValue() - 1) / 3 * 3 + 1);
        Instant quarterStart = quarter.atStartOfDay(month.zone()).toInstant();
        Instant quarterEnd = quarter.plusMonths(3).atStartOfDay(month.zone()).toInstant();
        return new MonthlyReview(
                month,
                now,
                month.hasEnded(now),
                figures,
                heatmap,
                sla.all(month.until(now)),
                SlaFeeds.of(registry),
                sla.minCoveragePercent(),
                capacity(month, now),
                security(whole),
                ReviewItem.of("monthly", whole.from(), whole.to()),
                ReviewItem.ruledDueWithin(whole.from(), whole.to()),
                ReviewItem.of("quarterly", quarterStart, quarterEnd));
    }

    private List<MonthlyReview.Capacity> capacity(ReportPeriod month, Instant now) {
        Instant end = month.until(now).to();
        Interval window = new Interval(end.minus(TREND_WINDOW), end);
        Map<String, Map<String, List<String>>> namesByActivity = new HashMap<>();
        Map<String, MonthlyReview.Capacity> byResource = new LinkedHashMap<>();
        for (ProbeSeries.Probe probe : probeSeries.probes("metrics")) {
            ProbeKey key = probe.key();
            Map<String, List<String>> names = namesByActivity.computeIfAbsent(
                    key.checklistId() + "/" + key.activityId(),
                    activity -> rollups.valueNames(key.checklistId(), key.activityId()));
            for (String name : names.getOrDefault(key.toString(), List.of())) {
                if (!name.endsWith(RESOURCE_SUFFIX)) continue;
                List<Point> points = probeSeries.means(key, name, window);
                if (points.isEmpty()) continue;
                String resource = name.substring(0, name.length() - RESOURCE_SUFFIX.length());
                var line = capacity(key.targetId(), resource, key.toString(), points, month, end);
                byResource.merge(
                        key.targetId() + "/" + resource,
                        line,
                        (kept, other) -> kept.chart().length() >= other.chart().length() ? kept : other);
            }
        }
        return List.copyOf(byResource.values());
    }

    private static MonthlyReview.Capacity capacity(
            String target, String resource, String key, List<Point> points, ReportPeriod month, Instant end) {
        Point latest = points.get(points.size() - 1);
        Optional<LinearTrend> trend = LinearTrend.fit(points);
        Optional<Instant> full = trend.flatMap(t -> t.reaches(1.0, latest.at()));
        var chart = new LineChart(resource + " used on " + target, Units::percent, month.zone())
                .range(0, 1)
                .limit(1.0, "full")
                .add(Series.measured(resource, points));
        trend.ifPresent(t -> {
            Instant until = full.filter(f -> f.isBefore(end.plus(TREND_WINDOW))).orElse(end.plus(TREND_WINDOW));
            if (until.isAfter(latest.at())) {
                chart.add(Series.projected(
                        resource,
                        List.of(
                                new Point(latest.at(), t.valueAt(latest.at())),
                                new Point(until, Math.min(1.0, t.valueAt(until))))));
            }
        });
        return new MonthlyReview.Capacity(
                target,
                resource,
                key,
                latest.value(),
                trend.map(LinearTrend::slopePerDay).orElse(null),
                full.map(f -> LocalDate.ofInstant(f, month.zone())).orElse(null),
                chart.render());
    }

    private static MonthlyReview.Security security(Interval month) {
        List<Advisory> seen = Advisory.list("firstSeen >= ?1 and firstSeen < ?2", month.from(), month.to());
        Map<TriageState, Long> byState =
                seen.stream().collect(Collectors.groupingBy(a -> a.state, Collectors.counting()));
        List<Advisory> open =
                Advisory.list("state in ?1 order by firstSeen desc", List.of(TriageState.NEW, TriageState.APPLIES));
        var lines = new ArrayList<MonthlyReview.AdvisoryLine>();
        for (Advisory advisory : open) {
            String targets = advisory.matches.stream()
                    .map(m -> m.targetId + " (" + m.software + ")")
                    .distinct()
                    .collect(Collectors.joining(", "));
            lines.add(new MonthlyReview.AdvisoryLine(
                    advisory.id, advisory.title, advisory.link, advisory.state.label(), advisory.firstSeen, targets));
        }
        return new MonthlyReview.Security(
                seen.size(),
                count(byState, TriageState.NEW),
                count(byState, TriageState.APPLIES),
                count(byState, TriageState.NOT_APPLICABLE),
                count(byState, TriageState.PATCHED),
                lines);
    }

    private static int count(Map<TriageState, Long> byState, TriageState state) {
        return byState.getOrDefault(state, 0L).intValue();
    }
}
