package dev.rounds.backup;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Takes Rounds' own backup every night, and at first start when there is none yet. */
@ApplicationScoped
public class BackupJob {

    private static final Logger LOG = Logger.getLogger(BackupJob.class);

    @Inject
    SelfBackup backup;

    @Inject
    BackupConfig config;

    /** Right after the first checklist load, before the schedule opens the day's occurrences and runs their probes. */
    void onStart(@Observes @Priority(ChecklistRegistry.STARTUP_PRIORITY + 1) StartupEvent event, CommandMode command) {
        if (!command.active() && config.atFirstStart() && !backup.hasBackups()) {
            run();
        }
    }

    @Scheduled(
            identity = "rounds-backup",
            cron = "${rounds.backup.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        run();
    }

    private void run() {
        try {
            backup.takeNow(AuditLog.SYSTEM);
        } catch (BackupFailed e) {
            // logged and audited where it failed; the checklists were backed up
        } catch (RuntimeException e) {
            // The default pack's backup probes turn this into a failing occurrence; Rounds itself keeps running.
            LOG.errorf(e, "backup failed folder=%s: %s", backup.folder().toAbsolutePath(), e.getMessage());
        }
    }
}
