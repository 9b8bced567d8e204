package dev.rounds.report.sla;

import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes a target's {@link SlaFigures} from its {@link SlaInputs}:
 * <ul>
 * <li>service = period ∩ service hours; planned = service ∩ maintenance windows (see {@link ServiceCalendar});
 * <li>counted = service − planned; unknown = counted ∩ the spans without a verdict; known = counted − unknown;
 * <li>outages = the union of the spans of the incidents of continuous probes, an open one up to the period's end;
 * unplanned downtime = outages ∩ known; availability = (known − unplanned) / known, {@code null} when known is 0;
 * <li>coverage = known / counted; below the inputs' minimum coverage there is not enough data to judge;
 * <li>incidents = the outages that start within the period; MTTR = the mean length of those of them that ended;
 * <li>p95 from the latency histogram; breached = availability &lt; objective, compared exactly in decimal,
 * {@code null} without either or without enough data.
 * </ul>
 */
public final class SlaCalculator {

    /** Decimals kept of a share (availability, coverage): a millionth of a percent, rounded down. */
    public static final int SCALE = 8;

    private SlaCalculator() {}

    public static SlaFigures compute(SlaInputs in) {
        Interval period = in.period();
        ServiceTime serviceTime = new ServiceCalendar(in.zone(), in.hours(), in.maintenance()).over(period);
        List<Interval> counted = Intervals.subtract(serviceTime.service(), serviceTime.planned());
        List<Interval> unknown = Intervals.intersect(counted, Interval.union(in.unknown()));
        List<Interval> known = Intervals.subtract(counted, unknown);
        List<Outage> outages = outages(in.incidents(), period.to());
        List<Interval> unplanned = Intervals.intersect(
                known, Interval.union(outages.stream().map(Outage::span).toList()));

        Duration knownTime = Intervals.total(known);
        Duration unplannedTime = Intervals.total(unplanned);
        Duration countedTime = Intervals.total(counted);
        BigDecimal knownNanos = BigDecimal.valueOf(knownTime.toNanos());
        BigDecimal upNanos = BigDecimal.valueOf(knownTime.minus(unplannedTime).toNanos());
        BigDecimal availability = knownTime.isZero() ? null : share(upNanos, knownNanos);
        BigDecimal coverage =
                countedTime.isZero() ? null : share(knownNanos, BigDecimal.valueOf(countedTime.toNanos()));
        boolean enoughData = !knownTime.isZero()
                && knownNanos.compareTo(in.minCoverage().multiply(BigDecimal.valueOf(countedTime.toNanos()))) >= 0;

        List<Outage> started =
                outages.stream().filter(o -> within(o.span().from(), period)).toList();
        List<Duration> recovered = started.stream()
                .filter(o -> !o.open())
                .map(o -> o.span().length())
                .toList();
        Duration mttr = recovered.isEmpty()
                ? null
                : recovered.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recovered.size());

        Duration p95 = in.latency() == null ? null : in.latency().percentile(0.95);
        Boolean breached = !enoughData || in.objective() == null
                ? null
                : upNanos.compareTo(in.objective().multiply(knownNanos)) < 0;
        return new SlaFigures(
                in.targetId(),
                period,
                serviceTime.serviceLength(),
                serviceTime.plannedLength(),
                unplannedTime,
                Intervals.total(unknown),
                availability,
                coverage,
                enoughData,
                started.size(),
                mttr,
                p95,
                in.objective(),
                breached);
    }

    /** part / whole rounded down, so a share never reads as better than it was (99.9999% is not 100%). */
    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, SCALE, RoundingMode.DOWN).stripTrailingZeros();
    }

    /** An outage: overlapping or touching incidents merged; open while any of them is. */
    private record Outage(Interval span, boolean open) {}

    private static List<Outage> outages(List<Incident> incidents, Instant periodEnd) {
        List<Incident> counted =
                new ArrayList<>(incidents.stream().filter(Incident::continuous).toList());
        counted.sort(Comparator.comparing(Incident::startedAt));
        var merged = new ArrayList<Outage>();
        for (Incident incident : counted) {
            Interval span = incident.span(periodEnd);
            Outage last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.from().isAfter(last.span().to())) {
                Instant end = span.to().isAfter(last.span().to())
                        ? span.to()
                        : last.span().to();
                merged.set(
                        merged.size() - 1,
                        new Outage(new Interval(last.span().from(), end), last.open() || incident.isOpen()));
            } else {
                merged.add(new Outage(span, incident.isOpen()));
            }
        }
        return merged;
    }

    private static boolean within(Instant instant, Interval period) {
        return !instant.isBefore(period.from()) && instant.isBefore(period.to());
    }
}
