package dev.rounds.report.rollup;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.core.ReportZone;
import dev.rounds.probe.DownsWritten;
import dev.rounds.probe.ProbeKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean foldWanted = new AtomicBoolean();
    private final Event<IncidentsFolded> incidentsFolded;
    private final boolean timerOff;

    @Inject
    public RollupJob(
            DataSource dataSource,
            ChecklistRegistry checklists,
            RollupConfig config,
            ReportZone zone,
            Clock clock,
            Event<IncidentsFolded> incidentsFolded) {
        this.dataSource = dataSource;
        this.incidentsFolded = incidentsFolded;
        this.timerOff = "off".equalsIgnoreCase(config.interval().trim());
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

    /**
     * Downs were written: folds them now rather than at the next interval, so that their incidents open within seconds.
     * Requests that come while a fold runs are taken up by it when it ends, so a storm of them folds back to back.
     * With {@code rounds.rollup.interval} off there is no fold here either: whoever stopped the timer folds.
     */
    void onDownsWritten(@ObservesAsync DownsWritten written) {
        if (timerOff) return;
        foldWanted.set(true);
        while (foldWanted.get() && folding.tryLock()) {
            try {
                foldWanted.set(false);
                catchUp();
            } catch (RuntimeException failure) {
                LOG.error(
                        "folding new downs into the rollups failed; the next run retries from the watermark", failure);
            } finally {
                folding.unlock();
            }
        }
    }

    /**
     * Folds every result written so far into the rollups; returns how many results it folded. When the fold opened or
     * ended incidents, {@link IncidentsFolded} tells whoever notifies about them.
     */
    public long catchUp() {
        folding.lock();
        try {
            long changesBefore = fold.incidentChanges();
            long total = 0;
            int folded;
            do {
                folded = QuarkusTransaction.requiringNew().call(this::foldChunk);
                total += folded;
            } while (folded > 0);
            QuarkusTransaction.requiringNew().run(this::endOrphanedIncidents);
            long changed = fold.incidentChanges() - changesBefore;
            if (changed > 0) incidentsFolded.fireAsync(new IncidentsFolded((int) changed));
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
