package dev.rounds.cli;

import dev.rounds.audit.AuditVerifier;
import dev.rounds.audit.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The {@code restore <rounds-db-....zip>} command: replays a database backup into an empty H2 database and verifies
 * the restored audit chain. It runs in plain Java, without starting Rounds, and refuses a database that holds any
 * table, so it can never overwrite a live one. The database is the one Rounds would use
 * ({@code quarkus.datasource.jdbc.url}, {@code .username}, {@code .password} as system properties or environment
 * variables, else application.properties).
 */
public final class RestoreCommand {

    /** The exit code of a restore refused or failed. */
    public static final int FAILED = 1;
    /** The exit code of wrong arguments. */
    static final int UNUSABLE = 2;

    private RestoreCommand() {}

    /** Runs the command with the main method's arguments, {@code restore} first. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: restore <backup.zip>   (a rounds-db-*.zip file from the backup folder)");
            return UNUSABLE;
        }
        Properties defaults = applicationProperties();
        return restore(
                Path.of(args.get(0)),
                setting("quarkus.datasource.jdbc.url", defaults, null),
                setting("quarkus.datasource.username", defaults, ""),
                setting("quarkus.datasource.password", defaults, ""),
                out,
                err);
    }

    /** Restores {@code backup} into the database at {@code url}, which must be an empty H2 database. */
    public static int restore(Path backup, String url, String user, String password, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(backup)) {
            err.println("restore: backup file " + backup.toAbsolutePath() + " does not exist");
            return UNUSABLE;
        }
        if (url == null || !url.startsWith("jdbc:h2:")) {
            err.println("restore: the database " + url + " is not H2; restore a PostgreSQL database with pg_restore"
                    + " or psql from its pg_dump backup");
            return FAILED;
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            long tables =
                    count(statement, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
            if (tables > 0) {
                err.println("restore: the database " + url + " is not empty (" + tables + " tables); restore only into"
                        + " a new database: stop Rounds and move its database files (data/rounds.mv.db) aside first");
                return FAILED;
            }
            statement.execute(
                    "RUNSCRIPT FROM '" + backup.toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION ZIP");
            long occurrences = count(statement, "SELECT COUNT(*) FROM occurrence");
            VerificationReport report = new AuditVerifier(dataSource).verify();
            if (!report.ok()) {
                err.println("restore: restored, but the audit chain is BROKEN at seq "
                        + report.firstBroken().seq() + ": "
                        + report.firstBroken().reason());
                return FAILED;
            }
            out.println("restored " + backup.getFileName() + " into " + url + ": " + occurrences + " occurrences, "
                    + report.entriesChecked() + " audit entries verified; head seq=" + report.headSeq() + " hash="
                    + report.headHash());
            return 0;
        } catch (SQLException e) {
            err.println("restore: " + e.getMessage());
            return FAILED;
        }
    }

    private static long count(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A system property, else its environment variable (QUARKUS_DATASOURCE_JDBC_URL), else application.properties. */
    private static String setting(String key, Properties defaults, String fallback) {
        String property = System.getProperty(key);
        if (property != null) return property;
        String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        if (env != null) return env;
        return defaults.getProperty(key, fallback);
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = RestoreCommand.class.getResourceAsStream("/application.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
