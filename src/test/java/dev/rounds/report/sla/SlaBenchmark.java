package dev.rounds.report.sla;

import dev.rounds.checklist.MaintenanceWindow;
import dev.rounds.checklist.ServiceHours;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * The SLA figures of a year for 500 targets, from inputs already in memory (as rollups give them), against the bar
 * of DESIGN "Performance bars": the whole monthly review in under a second, of which this math is only part. The
 * baseline in the same run is merging the same incidents and unknown spans alone, without service hours or
 * maintenance windows. Not a test: run it by hand.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.rounds.report.sla.SlaBenchmark [targets]
 * </pre>
 */
public final class SlaBenchmark {

    private SlaBenchmark() {}

    public static void main(String[] args) {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Interval year = new Interval(
                LocalDateTime.parse("2026-01-01T00:00").atZone(zone).toInstant(),
                LocalDateTime.parse("2027-01-01T00:00").atZone(zone).toInstant());
        var office = new ServiceHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0),
                Duration.ofHours(10),
                "Mon-Fri 08:00-18:00");
        List<MaintenanceWindow> windows = List.of(
                new MaintenanceWindow(null, LocalTime.of(23, 0), Duration.ofHours(2)),
                new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(4)));
        var random = new Random(42);
        var inputs = new ArrayList<SlaInputs>();
        for (int t = 0; t < targets; t++) {
            var incidents = new ArrayList<Incident>();
            var unknown = new ArrayList<Interval>();
            for (int i = 0; i < 100; i++) {
                Instant start = randomInstant(random, year);
                incidents.add(new Incident(
                        i,
                        "t" + t,
                        "p" + (i % 3),
                        true,
                        start,
                        start,
                        start.plusSeconds(60 + random.nextInt(7200)),
                        "down"));
                Instant gap = randomInstant(random, year);
                unknown.add(new Interval(gap, gap.plusSeconds(60 + random.nextInt(3600))));
            }
            var latency = new LatencyHistogram();
            for (int i = 0; i < 1000; i++) latency.recordMicros(100 + random.nextInt(100_000));
            inputs.add(new SlaInputs(
                    "t" + t,
                    new BigDecimal("0.999"),
                    BigDecimal.ZERO,
                    t % 2 == 0 ? office : null,
                    windows,
                    zone,
                    year,
                    incidents,
                    unknown,
                    latency));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 10; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            double sum = 0;
            for (SlaInputs in : inputs) {
                BigDecimal availability = SlaCalculator.compute(in).availability();
                if (availability != null) sum += availability.doubleValue();
            }
            long sla = System.nanoTime() - start;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            start = System.nanoTime();
            long merged = 0;
            for (SlaInputs in : inputs) {
                merged += Interval.union(in.unknown()).size();
                merged += Interval.union(in.incidents().stream()
                                .map(i -> i.span(year.to()))
                                .toList())
                        .size();
            }
            long baseline = System.nanoTime() - start;
            System.out.printf(
                    "round %d: SLA figures of %d targets over a year %d ms (%d ms CPU, mean availability"
                            + " %.5f); baseline, merging their spans alone, %d ms (%d spans)%n",
                    round + 1, targets, sla / 1_000_000, cpu / 1_000_000, sum / targets, baseline / 1_000_000, merged);
        }
    }

    private static Instant randomInstant(Random random, Interval within) {
        return within.from()
                .plusSeconds((long) (random.nextDouble() * within.length().getSeconds()));
    }
}
