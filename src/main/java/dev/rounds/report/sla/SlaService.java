package dev.rounds.report.sla;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import dev.rounds.core.ReportZone;
import dev.rounds.report.rollup.Rollups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The SLA figures of the inventory's targets, computed from rollups, incidents and unknown spans — never raw results. */
@ApplicationScoped
public class SlaService {

    @Inject
    Rollups rollups;

    @Inject
    ChecklistRegistry registry;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    @Inject
    SlaConfig config;

    /** The coverage below which the pages say "not enough data", in percent: the rule they state. */
    public int minCoveragePercent() {
        return config.minCoveragePercent();
    }

    /** Every target of the current inventory, in inventory order, over the period (ended at now if still running). */
    public List<SlaFigures> all(Interval period) {
        Instant now = clock.instant();
        var figures = new ArrayList<SlaFigures>();
        for (Target target : registry.current().inventory().targets()) figures.add(of(target, period, now));
        return figures;
    }

    /** One target's figures, or empty when the inventory has no such target. */
    public Optional<SlaFigures> of(String targetId, Interval period) {
        return registry.current().inventory().target(targetId).map(t -> of(t, period, clock.instant()));
    }

    /**
     * One figure per local day from {@code first} to {@code last} (up to today), for charts: the range's incidents,
     * unknown spans and daily rows are read once and cut into days, not queried day by day.
     */
    public List<SlaFigures> daily(Target target, LocalDate first, LocalDate last) {
        Instant now = clock.instant();
        Instant from = first.atStartOfDay(zone.get()).toInstant();
        if (!from.isBefore(now)) return List.of();
        Interval range =
                new Interval(from, last.plusDays(1).atStartOfDay(zone.get()).toInstant()).until(now);
        List<Incident> incidents = rollups.incidents(target.id(), range);
        List<Interval> unknown = rollups.unknown(target.id(), range, now);
        Map<LocalDate, LatencyHistogram> latency = new HashMap<>();
        rollups.days(target.id(), first, last).forEach(day -> latency.put(day.day(), day.latency()));
        var days = new ArrayList<SlaFigures>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(zone.get()).toInstant();
            if (!start.isBefore(now)) break;
            Interval counted =
                    new Interval(start, day.plusDays(1).atStartOfDay(zone.get()).toInstant()).until(now);
            days.add(figures(
                    target,
                    counted,
                    incidents.stream()
                            .filter(i -> i.span(now).intersection(counted) != null)
                            .toList(),
                    unknown.stream()
                            .map(u -> u.intersection(counted))
                            .filter(Objects::nonNull)
                            .toList(),
                    latency.getOrDefault(day, new LatencyHistogram())));
        }
        return days;
    }

    SlaFigures of(Target target, Interval period, Instant now) {
        Interval counted = period.until(now);
        return figures(
                target,
                counted,
                rollups.incidents(target.id(), counted),
                rollups.unknown(target.id(), counted, now),
                rollups.latency(target.id(), counted));
    }

    private SlaFigures figures(
            Target target,
            Interval counted,
            List<Incident> incidents,
            List<Interval> unknown,
            LatencyHistogram latency) {
        return SlaCalculator.compute(new SlaInputs(
                target.id(),
                target.sla(),
                config.minCoverage(),
                target.slaHours(),
                target.maintenance(),
                zone.get(),
                counted,
                incidents,
                unknown,
                latency));
    }
}
