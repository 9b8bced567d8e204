package dev.rounds.report.sla;

import dev.rounds.checklist.MaintenanceWindow;
import dev.rounds.checklist.ServiceHours;
import dev.rounds.core.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's service hours and maintenance windows laid out on real time in its zone.
 * <p>
 * Service hours are a wall-clock range: from the local start time to the local start time plus their length, so
 * {@code 00:00-24:00} is 23 hours on the day clocks go forward and 25 on the day they go back. A maintenance window
 * starts at its local start time and lasts its duration of real time ({@code Sun 02:00 for 2h} is two hours even
 * across a clock change). Local times are resolved as {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does: a time
 * in a gap moves later by the length of the gap (02:30 on Europe/Berlin's spring-forward night is 03:30 CEST), a
 * time in an overlap takes the earlier offset (02:30 on the fall-back night is the first 02:30, CEST).
 */
public final class ServiceCalendar {

    /** Maintenance windows last at most a week, so one starting that long before the period may reach into it. */
    private static final int DAYS_BACK = 8;

    private final ZoneId zone;
    private final ServiceHours hours;
    private final List<MaintenanceWindow> maintenance;

    /**
     * @param hours the service hours, or {@code null} for all hours
     * @param maintenance the maintenance windows; a window without a day recurs every day
     */
    public ServiceCalendar(ZoneId zone, ServiceHours hours, List<MaintenanceWindow> maintenance) {
        this.zone = zone;
        this.hours = hours;
        this.maintenance = List.copyOf(maintenance);
    }

    /** The service time within {@code period} and the planned part of it. */
    public ServiceTime over(Interval period) {
        if (period.isEmpty()) return new ServiceTime(List.of(), List.of());
        LocalDate first = period.from().atZone(zone).toLocalDate().minusDays(DAYS_BACK);
        LocalDate last = period.to().atZone(zone).toLocalDate();
        List<Interval> service = hours == null ? List.of(period) : serviceHours(period, first, last);
        if (maintenance.isEmpty() || service.isEmpty()) return new ServiceTime(service, List.of());
        return new ServiceTime(service, Intervals.intersect(service, windows(period, first, last)));
    }

    private List<Interval> serviceHours(Interval period, LocalDate first, LocalDate last) {
        var spans = new ArrayList<Interval>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) continue;
            LocalDateTime start = day.atTime(hours.start());
            add(spans, resolve(start), resolve(start.plus(hours.length())), period);
        }
        return Interval.union(spans);
    }

    private List<Interval> windows(Interval period, LocalDate first, LocalDate last) {
        var spans = new ArrayList<Interval>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (MaintenanceWindow window : maintenance) {
                if (window.day() != null && window.day() != day.getDayOfWeek()) continue;
                Instant start = resolve(day.atTime(window.start()));
                add(spans, start, start.plus(window.duration()), period);
            }
        }
        return Interval.union(spans);
    }

    private Instant resolve(LocalDateTime local) {
        return ZonedDateTime.of(local, zone).toInstant();
    }

    private static void add(List<Interval> spans, Instant start, Instant end, Interval period) {
        if (!end.isAfter(start)) return;
        Interval inPeriod = new Interval(start, end).intersection(period);
        if (inPeriod != null) spans.add(inPeriod);
    }
}
