package dev.rounds.report.sla;

import dev.rounds.core.Interval;
import java.time.Duration;
import java.util.List;

/**
 * The service time of a period and the planned (maintenance) part of it, each sorted and disjoint.
 *
 * @param service the period within the service hours, maintenance included
 * @param planned the part of {@code service} inside a maintenance window
 */
public record ServiceTime(List<Interval> service, List<Interval> planned) {

    public ServiceTime {
        service = List.copyOf(service);
        planned = List.copyOf(planned);
    }

    public Duration serviceLength() {
        return Intervals.total(service);
    }

    public Duration plannedLength() {
        return Intervals.total(planned);
    }
}
