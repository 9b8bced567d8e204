package dev.rounds.schedule;

import dev.rounds.cluster.Membership;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Drives the schedule: once at start-up, to record what came due while Rounds was down, then every few seconds (on
 * one instance of several, through Quartz's clustered store). An instance joining others that are running skips the
 * start-up tick: theirs go on.
 */
@ApplicationScoped
public class ScheduleJob {

    @Inject
    ScheduleService schedule;

    @Inject
    Membership membership;

    void onStart(
            @Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event,
            CommandMode command) {
        if (!command.active() && membership.view().members().size() <= 1) schedule.tick();
    }

    @Scheduled(
            every = "${rounds.schedule.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        schedule.tick();
    }
}
