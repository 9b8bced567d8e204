package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The H2 database itself refuses to change audit rows, whoever asks: here plain JDBC, not Rounds' code. */
@QuarkusTest
class AppendOnlyH2Test {

    @Inject
    AuditLog log;

    @Inject
    DataSource dataSource;

    @Test
    void updateDeleteAndTruncateOfAuditRowsAreRefusedThroughPlainJdbc() throws SQLException {
        long seq = log.append("alice", "signoff.created", "daily/backup-review@2026-11-26", Map.of("note", "ok"));

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(
                    SQLException.class,
                    () -> statement.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + seq));
            assertTrue(
                    update.getMessage().contains("audit_log is append-only: UPDATE of entry seq " + seq + " refused"),
                    update.getMessage());

            SQLException delete = assertThrows(
                    SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_log WHERE seq = " + seq));
            assertTrue(
                    delete.getMessage().contains("audit_log is append-only: DELETE of entry seq " + seq + " refused"),
                    delete.getMessage());

            assertThrows(SQLException.class, () -> statement.executeUpdate("TRUNCATE TABLE audit_log"));

            try (ResultSet row = statement.executeQuery("SELECT actor FROM audit_log WHERE seq = " + seq)) {
                assertTrue(row.next(), "the entry is still there");
                assertEquals("alice", row.getString(1));
            }
        }
    }
}
