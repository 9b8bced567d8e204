package dev.rounds.signoff;

import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;

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
        return QuarkusTransaction.requiringNew().call(() -> Occurrence.latestOf(checklist, activity)
                .orElseThrow(() -> new AssertionError("no occurrence of " + checklist + "/" + activity)));
    }

    /**
     * Ticks the schedule until the activity's probe against the failing server has been run and judged: the
     * occurrence is failing, or was failing and has been signed off since.
     */
    public Occurrence failing(ScheduleService schedule, ResultWriter writer, String activity)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            schedule.tick();
            writer.flush();
            Occurrence o = latest(activity);
            if (o.status == OccurrenceStatus.FAILING || o.signedOffAt != null) return o;
            if (System.nanoTime() > deadline) {
                throw new AssertionError(checklist + "/" + activity + " did not fail within 30 s: " + o.status);
            }
            Thread.sleep(100);
        }
    }
}
