package dev.rounds.notify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Looks for events every {@code rounds.notify.scan-interval} and sends the outbox every {@code send-interval}. */
@ApplicationScoped
public class NotificationJobs {

    @Inject
    NotificationScanner scanner;

    @Inject
    NotificationSender sender;

    @Scheduled(
            every = "${rounds.notify.scan-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        scanner.scan();
    }

    @Scheduled(
            every = "${rounds.notify.send-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void send() {
        sender.sendDue();
    }
}
