package dev.rounds.calendar;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The due times of checklists' activities, from the period in progress to the horizon ahead, computed from the
 * checklists in force: a period not yet opened has no occurrence, but its due time is known already; the period in
 * progress takes its occurrence's. Paused activities are left out: they are not due.
 */
@ApplicationScoped
public class DueTimes {

    @Inject
    Clock clock;

    @Inject
    CalendarConfig config;

    /** Every due time of these checklists' activities from the current period up to the horizon, in time order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DueTime> of(List<Checklist> checklists) {
        Instant now = clock.instant();
        Instant horizon = now.plus(config.horizon());
        Map<String, Occurrence> current = Occurrence.findCurrent(now).stream()
                .collect(Collectors.toMap(Occurrence::subject, Function.identity(), (a, b) -> a));
        List<DueTime> due = new ArrayList<>();
        for (Checklist checklist : checklists) {
            for (Activity activity : checklist.activities()) {
                if (!activity.enabled()) continue;
                Duration offset = checklist.dueOf(activity);
                Period period = Period.containing(checklist.cadence(), checklist.timezone(), now);
                Occurrence opened = current.get(checklist.id() + "/" + activity.id() + "@" + period.label());
                // an opened occurrence's due time is the one it is judged by (a first one may be due later)
                Instant first = opened == null ? period.dueAt(offset) : opened.dueAt;
                for (Instant at = first; at.isBefore(horizon); at = period.dueAt(offset)) {
                    due.add(new DueTime(
                            checklist,
                            activity,
                            period.label(),
                            at,
                            opened == null ? null : opened.status,
                            opened == null ? null : opened.id));
                    opened = null;
                    period = period.next();
                }
            }
        }
        due.sort(Comparator.comparing(DueTime::dueAt).thenComparing(DueTime::uid));
        return due;
    }
}
