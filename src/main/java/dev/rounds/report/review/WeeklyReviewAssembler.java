package dev.rounds.report.review;

import dev.rounds.change.Change;
import dev.rounds.change.ChangeService;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.chart.LineChart;
import dev.rounds.report.chart.Point;
import dev.rounds.report.chart.Series;
import dev.rounds.report.chart.Units;
import dev.rounds.report.compliance.ComplianceService;
import dev.rounds.report.rollup.DayStats;
import dev.rounds.report.rollup.Rollups;
import dev.rounds.report.sla.SlaFeeds;
import dev.rounds.report.sla.SlaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Gathers the weekly review from rollups, incidents, occurrences and the change log — never raw results. */
@ApplicationScoped
public class WeeklyReviewAssembler {

    /** How long after a change an incident on its target is listed as following it. */
    static final Duration AFTER_CHANGE = Duration.ofHours(24);

    static final String OPERATIONS_REVIEW = "operations-review";

    @Inject
    ComplianceService compliance;

    @Inject
    SlaService sla;

    @Inject
    Rollups rollups;

    @Inject
    ChangeService changes;

    @Inject
    ChecklistRegistry registry;

    @Inject
    ProbeSeries probeSeries;

    @Inject
    Clock clock;

    public WeeklyReview assemble(ReportPeriod week) {
        Instant now = clock.instant();
        Interval whole = week.interval();
        Interval counted = week.until(now);
        List<Incident> alerts = rollups.incidents(counted).stream()
                .filter(i ->
                        !i.startedAt().isBefore(counted.from()) && i.startedAt().isBefore(counted.to()))
                .toList();
        List<ReviewItem> rows = ReviewItem.of("weekly", whole.from(), whole.to());
        ReviewItem operationsReview = rows.stream()
                .filter(r -> r.activityId().equals(OPERATIONS_REVIEW))
                .findFirst()
                .orElse(null);
        return new WeeklyReview(
                week,
                now,
                week.hasEnded(now),
                compliance.figures(whole, now),
                sla.all(counted),
                SlaFeeds.of(registry),
                sla.minCoveragePercent(),
                alerts,
                performanceChart(week),
                changeLines(whole),
                backlogChart(week, counted),
                rows,
                ReviewItem.ruledDueWithin(whole.from(), whole.to()),
                operationsReview);
    }

    private String performanceChart(ReportPeriod week) {
        var chart = new LineChart("p95 response time per day", Units::milliseconds, week.zone());
        for (Target target : registry.current().inventory().targets()) {
            var points = new ArrayList<Point>();
            for (DayStats day : rollups.days(target.id(), week.first(), week.last())) {
                Duration p95 = day.latency().percentile(0.95);
                if (p95 != null)
                    points.add(new Point(day.day().atStartOfDay(week.zone()).toInstant(), p95.toNanos() / 1e6));
            }
            if (!points.isEmpty()) chart.add(Series.measured(target.id(), points));
        }
        return chart.render();
    }

    private String backlogChart(ReportPeriod week, Interval counted) {
        List<ProbeSeries.Line> lines = probeSeries.of("backlog", "count", counted);
        if (lines.isEmpty()) return null;
        var chart = new LineChart(
                "open items per day (daily mean)", v -> String.format(Locale.ROOT, "%.0f", v), week.zone());
        lines.forEach(line -> chart.add(Series.measured(line.label(), line.points())));
        return chart.render();
    }

    private List<WeeklyReview.ChangeLine> changeLines(Interval week) {
        var lines = new ArrayList<WeeklyReview.ChangeLine>();
        for (Change change : changes.between(week.from(), week.to())) {
            List<Incident> followedBy = List.of();
            if (change.implementedAt != null) {
                Interval after = new Interval(change.implementedAt, change.implementedAt.plus(AFTER_CHANGE));
                followedBy = rollups.incidents(after).stream()
                        .filter(i -> !i.startedAt().isBefore(after.from()))
                        .filter(i -> change.targetId == null || change.targetId.equals(i.targetId()))
                        .toList();
            }
            lines.add(new WeeklyReview.ChangeLine(
                    change.id,
                    change.title,
                    change.targetId,
                    change.state.label(),
                    change.implementedAt,
                    change.implementedBy,
                    change.outcome == null ? null : change.outcome.label(),
                    followedBy));
        }
        return lines;
    }
}
