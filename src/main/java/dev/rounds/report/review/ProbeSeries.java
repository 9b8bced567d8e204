package dev.rounds.report.review;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.core.Interval;
import dev.rounds.probe.ProbeKey;
import dev.rounds.report.chart.Point;
import dev.rounds.report.rollup.Rollups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The probes of one type in the current checklists, and their rolled-up values as trend series. */
@ApplicationScoped
public class ProbeSeries {

    /** One probe against one target, with the activity it belongs to. */
    public record Probe(ProbeKey key, String activityTitle, Target target) {}

    /**
     * One probe × target's series of a value.
     *
     * @param label what the chart's legend calls it: {@code activity → target}
     */
    public record Line(Probe probe, String label, List<Point> points) {}

    @Inject
    ChecklistRegistry registry;

    @Inject
    Rollups rollups;

    /** Every probe of the type against each of its targets, in checklist order. */
    public List<Probe> probes(String type) {
        var probes = new ArrayList<Probe>();
        for (Checklist checklist : registry.current().checklists()) {
            for (Activity activity : checklist.activities()) {
                for (ProbeSpec spec : activity.probes()) {
                    if (!spec.type().equals(type)) continue;
                    for (Target target : spec.targets()) {
                        probes.add(new Probe(
                                new ProbeKey(checklist.id(), activity.id(), spec.index(), target.id()),
                                activity.title(),
                                target));
                    }
                }
            }
        }
        return probes;
    }

    /** A probe's value as its mean per local day over the period. */
    public List<Point> means(ProbeKey key, String value, Interval period) {
        return rollups.values(key.toString(), value, period).stream()
                .map(point -> new Point(point.bucketStart(), point.mean()))
                .toList();
    }

    /** The value's mean per bucket, for each probe of the type that has any in the period. */
    public List<Line> of(String type, String value, Interval period) {
        var lines = new ArrayList<Line>();
        for (Probe probe : probes(type)) {
            List<Point> points = means(probe.key(), value, period);
            if (!points.isEmpty())
                lines.add(new Line(
                        probe, probe.activityTitle() + " → " + probe.target().id(), points));
        }
        return lines;
    }
}
