package dev.rounds.report.review;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.report.chart.Point;
import dev.rounds.report.rollup.Granularity;
import dev.rounds.report.rollup.Rollups;
import dev.rounds.report.rollup.ValuePoint;
import dev.rounds.report.sla.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The rolled-up values of every probe of one type in the current checklists, for trend charts. */
@ApplicationScoped
public class ProbeSeries {

    /**
     * One probe × target's series of a value.
     *
     * @param label what the chart's legend calls it: {@code activity → target}
     */
    public record Line(ProbeKey key, String activityTitle, Target target, String label, List<Point> points) {
    }

    @Inject
    ChecklistRegistry registry;

    @Inject
    Rollups rollups;

    /** The value's mean per bucket, for each probe of the type that has any in the period. */
    public List<Line> of(String type, String value, Granularity granularity, Interval period) {
        var lines = new ArrayList<Line>();
        for (Checklist checklist : registry.current().checklists()) {
            for (Activity activity : checklist.activities()) {
                for (ProbeSpec spec : activity.probes()) {
                    if (!spec.type().equals(type)) continue;
                    for (Target target : spec.targets()) {
                        var key = new ProbeKey(checklist.id(), activity.id(), spec.index(), target.id());
                        List<Point> points = rollups.values(key.toString(), value, granularity, period).stream()
                                .map(ProbeSeries::mean).toList();
                        if (!points.isEmpty()) {
                            lines.add(new Line(key, activity.title(), target, activity.title() + " → " + target.id(),
                                    points));
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static Point mean(ValuePoint point) {
        return new Point(point.bucketStart(), point.mean());
    }
}
