package dev.rounds.notify;

import dev.rounds.report.rollup.IncidentsFolded;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/** Looks for events every {@code rounds.notify.scan-interval} and sends the outbox every {@code send-interval}. */
@ApplicationScoped
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class);

    @Inject
    NotificationScanner scanner;

    @Inject
    NotificationSender sender;

    @Inject
    NotifyConfig config;

    private final ReentrantLock scanning = new ReentrantLock();
    private final AtomicBoolean scanWanted = new AtomicBoolean();

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

    /**
     * The rollups opened or ended incidents: looks for them and sends what that queued now, not at the next scan and
     * send intervals. Incidents folded while this runs are taken up when it ends, so a storm of them does not queue
     * up scans. A timer that is {@code off} is off here too: whoever stopped it drives the scans or sends.
     */
    void onIncidentsFolded(@ObservesAsync IncidentsFolded folded) {
        if (isOff(config.scanInterval())) return;
        scanWanted.set(true);
        while (scanWanted.get() && scanning.tryLock()) {
            try {
                scanWanted.set(false);
                scanner.scan();
                if (!isOff(config.sendInterval())) sender.sendDue();
            } catch (RuntimeException failure) {
                LOG.error("telling about newly folded incidents failed; the next scan retries", failure);
            } finally {
                scanning.unlock();
            }
        }
    }

    private static boolean isOff(String interval) {
        return "off".equalsIgnoreCase(interval.trim());
    }
}
