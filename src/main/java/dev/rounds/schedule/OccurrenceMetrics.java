package dev.rounds.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Occurrence figures for existing alerting: gauges of failing and overdue occurrences, and a counter of
 * occurrences whose period ended missed ({@code increase(rounds_occurrences_missed_total[1h]) > 0}).
 */
@ApplicationScoped
public class OccurrenceMetrics {

    private final AtomicLong failing = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final Counter missed;

    @Inject
    public OccurrenceMetrics(MeterRegistry registry) {
        registry.gauge("rounds.occurrences.failing", failing);
        registry.gauge("rounds.occurrences.overdue", overdue);
        missed = Counter.builder("rounds.occurrences.missed")
                .description("occurrences whose period ended without completion")
                .register(registry);
    }

    /** Refreshes the gauges from the occurrences still open after a tick. */
    void update(List<Occurrence> unfrozen, Instant now) {
        failing.set(unfrozen.stream()
                .filter(o -> !o.frozen && o.status == OccurrenceStatus.FAILING)
                .count());
        overdue.set(unfrozen.stream()
                .filter(o -> !o.frozen && !o.status.isSettled() && !now.isBefore(o.dueAt))
                .count());
    }

    void missedAtPeriodEnd() {
        missed.increment();
    }
}
