package dev.rounds.schedule;

import dev.rounds.core.CommandMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Drives the schedule: once at start-up, to record what came due while Rounds was down, then every few seconds. */
@ApplicationScoped
public class ScheduleJob {

    @Inject
    ScheduleService schedule;

    void onStart(
            @Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event,
            CommandMode command) {
        if (!command.active()) schedule.tick();
    }

    @Scheduled(
            every = "${rounds.schedule.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        schedule.tick();
    }
}
