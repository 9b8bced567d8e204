package dev.rounds.report.sla;

import dev.rounds.checklist.MaintenanceWindow;
import dev.rounds.checklist.ServiceHours;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the SLA figures of one target over one period are computed from; see DESIGN "SLA figures".
 *
 * @param objective the target's {@code sla} as an exact fraction (0.999), or {@code null} when it declares none
 * @param minCoverage the share of the counted time that must be known before availability is judged (0.5)
 * @param hours its service hours, or {@code null} for all hours
 * @param zone the zone its service hours and maintenance windows are written in
 * @param period the period reported, already ended at "now" when it is still running
 * @param incidents its incidents that overlap the period (any probe against it)
 * @param unknown the spans within the period with no verdict on it: no results, Rounds down, only errors
 * @param latency response times of its results within the period
 */
public record SlaInputs(
        String targetId,
        BigDecimal objective,
        BigDecimal minCoverage,
        ServiceHours hours,
        List<MaintenanceWindow> maintenance,
        ZoneId zone,
        Interval period,
        List<Incident> incidents,
        List<Interval> unknown,
        LatencyHistogram latency) {

    public SlaInputs {
        maintenance = List.copyOf(maintenance);
        incidents = List.copyOf(incidents);
        unknown = List.copyOf(unknown);
    }
}
