package dev.rounds.report.rollup;

import dev.rounds.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the disk that results take bounded (docs/sizing.md): at {@code rounds.results.prune-cron}, prunes raw results
 * ({@link ResultPruning}) and then hourly rollups ({@link HourlyRollupRetention}).
 */
@ApplicationScoped
public class ResultRetention {

    private static final Logger LOG = Logger.getLogger(ResultRetention.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final ResultPruning results;
    private final HourlyRollupRetention hours;

    @Inject
    public ResultRetention(
            DataSource dataSource, AuditLog audit, Clock clock, ResultsConfig results, RollupConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.results = new ResultPruning(audit, results.retention(), results.maxRows(), config.chunk());
        this.hours = new HourlyRollupRetention(config.hourlyRetention());
    }

    @Scheduled(
            cron = "${rounds.results.prune-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        prune();
    }

    /** Prunes old raw results, then old hourly rollups; returns how many results were deleted. */
    public synchronized long prune() {
        Instant now = clock.instant();
        long deleted = results.prune(now, this::inNewTransaction);
        long hourly = hours.prune(now, this::inNewTransaction);
        if (deleted + hourly > 0) LOG.infof("results pruned=%d hourly_rollups pruned=%d", deleted, hourly);
        return deleted;
    }

    private long inNewTransaction(PruningTransactions.Step step) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return step.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prune old results: " + e.getMessage(), e);
            }
        });
    }
}
