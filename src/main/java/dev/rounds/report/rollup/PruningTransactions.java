package dev.rounds.report.rollup;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs one step of pruning as a transaction of its own: in the application through Narayana
 * ({@link ResultRetention}), in tests and benchmarks on a plain connection.
 */
@FunctionalInterface
interface PruningTransactions {

    long inNewTransaction(Step step);

    /** One step of work on the transaction's connection, returning a count or an id. */
    @FunctionalInterface
    interface Step {
        long run(Connection connection) throws SQLException;
    }
}
