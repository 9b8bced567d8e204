package dev.rounds.signoff;

import dev.rounds.probe.ProbeScheduler;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.TimeUnit;

/** The occurrences of one test class's {@link PeopleChecklists} checklist. */
public final class PeopleOccurrences {

    private final String checklist;

    /** The occurrences of the checklist put in force under this id. */
    public PeopleOccurrences(String checklist) {
        this.checklist = checklist;
    }

    /** The current occurrence of an activity, opening the day's occurrences first if need be. */
    public Occurrence of(ScheduleService schedule, String activity) {
        schedule.tick();
        return latest(activity);
    }

    /** The occurrence as the database has it now. */
    public Occurrence latest(String activity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.latestOf(checklist, activity)
                        .orElseThrow(() -> new AssertionError("no occurrence of " + checklist + "/" + activity)));
    }

    /**
     * Has the activity's probe against the failing server run and judged: ticks the schedule (which runs the probe when
     * the occurrence opens, and again when it is retried), waits for that run's result, writes it and ticks again. The
     * occurrence is then failing, or was failing and has been signed off since.
     */
    public Occurrence failing(ScheduleService schedule, ResultWriter writer, String activity) throws Exception {
        schedule.tick();
        Arc.container()
                .instance(ProbeScheduler.class)
                .get()
                .lastRunOnce(checklist, activity)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        writer.flush();
        schedule.tick();
        Occurrence o = latest(activity);
        if (o.status != OccurrenceStatus.FAILING && o.signedOffAt == null) {
            throw new AssertionError(checklist + "/" + activity + " did not fail: " + o.status);
        }
        return o;
    }
}
