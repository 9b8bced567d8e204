package dev.rounds.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Writes an H2 database as a zip-compressed SQL script ({@code SCRIPT TO ... COMPRESSION ZIP}), which
 * {@code RUNSCRIPT} replays into an empty database, in memory as on disk. The script is taken while holding the
 * audit chain's head lock: every audited change (and every batch of probe results, which appends its digest)
 * waits meanwhile, so the copy's chain, its head and the rows it anchors agree.
 */
record H2Script(DataSource dataSource) implements DatabaseDump {

    @Override
    public String extension() {
        return ".zip";
    }

    @Override
    public void write(Path target) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet head = statement.executeQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")) {
                    head.next();
                }
                statement.execute(
                        "SCRIPT TO '" + target.toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION ZIP");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
