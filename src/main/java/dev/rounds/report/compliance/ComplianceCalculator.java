package dev.rounds.report.compliance;

import dev.rounds.core.Interval;
import dev.rounds.schedule.OccurrenceStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compliance figures from occurrences. An occurrence counts when its due time lies within the period and is not
 * after "now"; a {@code retired} one never counts. Each counted occurrence is due once and then one of:
 * {@code waived} (also counted as waived), on time ({@code passed} or {@code done}), {@code late}, or missed:
 * {@code missed}, and also any status not yet settled past its due time ({@code open}, {@code passing},
 * {@code failing}), because a report must not wait for the schedule to catch up. Compliance is
 * {@code onTime / (due − waived)}, {@code null} when that is 0.
 */
public final class ComplianceCalculator {

    public static final String OVERALL = "overall";
    /** Decimals kept of a compliance share, rounded down. */
    public static final int SCALE = 8;

    private ComplianceCalculator() {}

    /** Overall figures first, then one per checklist ({@code checklist:<id>}), then one per owner, each sorted. */
    public static List<ComplianceFigures> figures(List<OccurrenceFact> facts, Interval period, Instant now) {
        List<OccurrenceFact> counted = counted(facts, period, now);
        var figures = new ArrayList<ComplianceFigures>();
        figures.add(tally(OVERALL, counted));
        figures.addAll(grouped(counted, f -> "checklist:" + f.checklistId()));
        figures.addAll(grouped(counted, f -> "owner:" + f.owner()));
        return figures;
    }

    /**
     * Overall figures per local day in {@code zone}, by the day an occurrence was due: every day the period touches,
     * in order, those without anything due included (scope {@code day:<date>}).
     */
    public static Map<LocalDate, ComplianceFigures> byDay(
            List<OccurrenceFact> facts, Interval period, ZoneId zone, Instant now) {
        var days = new LinkedHashMap<LocalDate, ComplianceFigures>();
        if (period.isEmpty()) return days;
        Map<LocalDate, List<OccurrenceFact>> due = new TreeMap<>();
        for (OccurrenceFact fact : counted(facts, period, now)) {
            due.computeIfAbsent(fact.dueAt().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                    .add(fact);
        }
        LocalDate last = period.to().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate day = period.from().atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, tally("day:" + day, due.getOrDefault(day, List.of())));
        }
        return days;
    }

    /** The figures of {@code counted}, occurrences already {@link #counted counted}, under {@code scope}. */
    public static ComplianceFigures tally(String scope, List<OccurrenceFact> counted) {
        int onTime = 0;
        int late = 0;
        int missed = 0;
        int waived = 0;
        for (OccurrenceFact fact : counted) {
            switch (fact.status()) {
                case WAIVED -> waived++;
                case PASSED, DONE -> onTime++;
                case LATE -> late++;
                default -> missed++; // missed, or still open, passing or failing past its due time
            }
        }
        int due = counted.size();
        int held = due - waived;
        return new ComplianceFigures(
                scope,
                due,
                onTime,
                late,
                missed,
                waived,
                held == 0
                        ? null
                        : BigDecimal.valueOf(onTime)
                                .divide(BigDecimal.valueOf(held), SCALE, RoundingMode.DOWN)
                                .stripTrailingZeros());
    }

    /** The occurrences the figures count: due within the period and by {@code now}, none retired. */
    public static List<OccurrenceFact> counted(List<OccurrenceFact> facts, Interval period, Instant now) {
        return facts.stream()
                .filter(f -> f.status() != OccurrenceStatus.RETIRED)
                .filter(f -> !f.dueAt().isBefore(period.from()) && f.dueAt().isBefore(period.to()))
                .filter(f -> !f.dueAt().isAfter(now))
                .toList();
    }

    private static List<ComplianceFigures> grouped(
            List<OccurrenceFact> counted, Function<OccurrenceFact, String> scope) {
        Map<String, List<OccurrenceFact>> groups = new TreeMap<>();
        for (OccurrenceFact fact : counted)
            groups.computeIfAbsent(scope.apply(fact), s -> new ArrayList<>()).add(fact);
        return groups.entrySet().stream()
                .map(e -> tally(e.getKey(), e.getValue()))
                .toList();
    }
}
