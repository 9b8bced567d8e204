package dev.rounds.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.api.Trigger;

/**
 * Makes H2 refuse the next insert into {@code audit_log} of an entry with a given action, once, as a failing
 * database would: the real {@link ChainedAuditLog} then fails that append, and the appending transaction with it.
 * For tests of what a feature does when its audit entry cannot be written.
 */
public final class RefusedAppend implements Trigger {

    private static final String NAME = "rounds_test_refused_append";

    /**
     * Where the test and the trigger meet. H2 makes the trigger from its own copy of this class (the application's
     * class loader is not the one H2 asks), so the two share no static field; they share the JVM's system properties,
     * which hold the refused action and the refusals left, in JDK types that both copies see alike.
     */
    private static final String SHARED = "rounds.test.refused-append";

    /** The refusal a test armed: closing it drops the trigger. */
    public record Armed(DataSource dataSource, AtomicInteger refusals) implements AutoCloseable {

        /** Whether the refusal is still to come. */
        public boolean pending() {
            return refusals.get() > 0;
        }

        @Override
        public void close() throws SQLException {
            System.getProperties().remove(SHARED);
            try (Connection connection = dataSource.getConnection();
                    Statement drop = connection.createStatement()) {
                drop.execute("DROP TRIGGER IF EXISTS " + NAME);
            }
        }
    }

    /** Refuses the next append of an entry with this action. */
    public static Armed next(DataSource dataSource, String action) throws SQLException {
        Armed armed = new Armed(dataSource, new AtomicInteger(1));
        System.getProperties().put(SHARED, Map.entry(action, armed.refusals()));
        try (Connection connection = dataSource.getConnection();
                Statement create = connection.createStatement()) {
            create.execute("CREATE TRIGGER " + NAME + " BEFORE INSERT ON audit_log FOR EACH ROW CALL '"
                    + RefusedAppend.class.getName() + "'");
        } catch (SQLException | RuntimeException e) {
            armed.close();
            throw e;
        }
        return armed;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // audit_log's columns: seq, at, actor, action, subject, detail, prev_hash, hash
        if (newRow != null
                && System.getProperties().get(SHARED) instanceof Map.Entry<?, ?> refusal
                && refusal.getKey().equals(newRow[3])
                && refusal.getValue() instanceof AtomicInteger left
                && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SQLException("the test refused this audit entry (" + newRow[3] + ")", "57000");
        }
    }
}
