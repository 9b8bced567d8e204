package dev.rounds.report.rollup;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.core.ReportZone;
import dev.rounds.probe.ProbeKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the rollups up to date: every {@code rounds.rollup.interval} it folds the results written since the last
 * fold, a chunk per transaction. Within this process a lock keeps folds from overlapping; across instances the
 * watermark row each chunk locks does.
 */
@ApplicationScoped
public class RollupJob {

    private static final Logger LOG = Logger.getLogger(RollupJob.class);

    private final DataSource dataSource;
    private final ChecklistRegistry checklists;
    private final RollupFold fold;
    private final ReentrantLock folding = new ReentrantLock();

    @Inject
    public RollupJob(
            DataSource dataSource, ChecklistRegistry checklists, RollupConfig config, ReportZone zone, Clock clock) {
        this.dataSource = dataSource;
        this.checklists = checklists;
        this.fold = new RollupFold(config.chunk(), zone.get(), this::spec, clock, config.settle());
    }

    @Scheduled(
            every = "${rounds.rollup.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            catchUp();
        } catch (RuntimeException failure) {
            LOG.error(
                    "folding probe results into the rollups failed; the next run retries from the watermark", failure);
        }
    }

    /** Folds every result written so far into the rollups; returns how many results it folded. */
    public long catchUp() {
        folding.lock();
        try {
            long total = 0;
            int folded;
            do {
                folded = QuarkusTransaction.requiringNew().call(this::foldChunk);
                total += folded;
            } while (folded > 0);
            QuarkusTransaction.requiringNew().run(this::endOrphanedIncidents);
            return total;
        } finally {
            folding.unlock();
        }
    }

    private int foldChunk() {
        try (Connection connection = dataSource.getConnection()) {
            return fold.foldNextChunk(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fold probe results into the rollups: " + e.getMessage(), e);
        }
    }

    private void endOrphanedIncidents() {
        try (Connection connection = dataSource.getConnection()) {
            OrphanedIncidents.end(connection, checklists.current());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot end the incidents of probes that no longer run: " + e.getMessage(), e);
        }
    }

    /** The probe as now configured, or {@code null} when its checklist, activity or position no longer exists. */
    private ProbeSpec spec(ProbeKey key) {
        return checklists
                .current()
                .checklist(key.checklistId())
                .flatMap(checklist -> checklist.activity(key.activityId()))
                .flatMap(activity -> activity.probes().stream()
                        .filter(p -> p.index() == key.probeIndex())
                        .findFirst())
                .orElse(null);
    }
}
