package dev.rounds.waiver;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records waivers whose expiry has passed, every minute. */
@ApplicationScoped
public class WaiverExpiryJob {

    @Inject
    WaiverService waivers;

    @Scheduled(
            every = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        waivers.expireDue();
    }
}
