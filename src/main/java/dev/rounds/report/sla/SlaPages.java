package dev.rounds.report.sla;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.core.Incident;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.ReportZone;
import dev.rounds.core.RoundsException;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.chart.LineChart;
import dev.rounds.report.chart.Point;
import dev.rounds.report.chart.Series;
import dev.rounds.report.chart.Units;
import dev.rounds.report.rollup.Rollups;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SLA figures: every target over a range of days, and one target in detail with its daily availability. */
@Path("/reports/sla")
@Authenticated
public class SlaPages {

    /** The days shown without {@code from} and {@code to}: the last 30, today included. */
    static final int DEFAULT_DAYS = 30;

    /**
     * One target's page: its figures, daily availability and p95, and its incidents.
     *
     * @param feeds which of its probes feed the figures, and which do not
     * @param minCoveragePercent the coverage below which availability is "not enough data"
     */
    public record TargetSla(
            Target target,
            ReportPeriod period,
            SlaFigures figures,
            SlaFeeds feeds,
            int minCoveragePercent,
            String availabilityChart,
            String latencyChart,
            List<Incident> incidents) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance targets(
                ReportPeriod period, List<SlaFigures> figures, Map<String, SlaFeeds> feeds, int minCoveragePercent);

        static native TemplateInstance target(TargetSla sla);
    }

    @Inject
    SlaService sla;

    @Inject
    Rollups rollups;

    @Inject
    ChecklistRegistry registry;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance targets(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = period(from, to);
        return Templates.targets(period, sla.all(period.interval()), SlaFeeds.of(registry), sla.minCoveragePercent());
    }

    @GET
    @Path("{target}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance target(
            @PathParam("target") String targetId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Target target = registry.current()
                .inventory()
                .target(targetId)
                .orElseThrow(() -> new RoundsException(
                        404, ProblemTitle.NOT_FOUND, "the inventory has no target '" + targetId + "'"));
        ReportPeriod period = period(from, to);
        SlaFigures figures = sla.of(target.id(), period.interval()).orElseThrow();
        var availability = new ArrayList<Point>();
        var latency = new ArrayList<Point>();
        for (SlaFigures day : sla.daily(target, period.first(), period.last())) {
            // a day known for a few minutes would plot as a confident 100%: only days with enough data are drawn
            if (day.enoughData())
                availability.add(
                        new Point(day.period().from(), day.availability().doubleValue()));
            if (day.p95() != null)
                latency.add(new Point(day.period().from(), day.p95().toNanos() / 1e6));
        }
        var availabilityChart = new LineChart("availability per day", Units::availability, zone.get())
                .add(Series.measured(target.id(), availability));
        if (target.sla() != null)
            availabilityChart.limit(target.sla().doubleValue(), "objective " + SlaText.percent(target.sla(), 2));
        var latencyChart = new LineChart("p95 response time per day", Units::milliseconds, zone.get())
                .add(Series.measured(target.id(), latency));
        List<Incident> incidents = rollups.incidents(target.id(), period.until(clock.instant()));
        return Templates.target(new TargetSla(
                target,
                period,
                figures,
                SlaFeeds.of(registry).get(target.id()),
                sla.minCoveragePercent(),
                availabilityChart.render(),
                latencyChart.render(),
                incidents));
    }

    private ReportPeriod period(String from, String to) {
        return ReportPeriod.queried(from, to, zone.get(), clock.instant(), DEFAULT_DAYS);
    }
}
