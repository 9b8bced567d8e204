package dev.rounds.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of a test's own, migrated with the project's Flyway migrations through the Flyway API and dropped on
 * close, so destructive tests never touch the in-memory database the Quarkus tests share.
 */
public final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final DataSource dataSource;
    private final String postgresName;
    private final MigrateResult migration;

    private TestDatabase(DataSource dataSource, String vendor, String postgresName) {
        this.dataSource = dataSource;
        this.postgresName = postgresName;
        this.migration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    /** A fresh named in-memory H2 database. */
    public static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit_" + UUID.randomUUID().toString().replace('-', '_') + ";DB_CLOSE_DELAY=-1");
        return new TestDatabase(h2, "h2", null);
    }

    /** A fresh database with a random name on the PostgreSQL server at 127.0.0.1:5432 (user postgres). */
    public static TestDatabase postgres() {
        String name = "rounds_audit_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
                Statement create = server.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "this test needs PostgreSQL on 127.0.0.1:5432 with user postgres and trust" + " authentication: "
                            + e.getMessage(),
                    e);
        }
        return new TestDatabase(postgresDataSource(name), "postgresql", name);
    }

    /** Another connection source to the same PostgreSQL database, as a second Rounds instance would have. */
    public DataSource anotherInstance() {
        return postgresName == null ? dataSource : postgresDataSource(postgresName);
    }

    private static DataSource postgresDataSource(String name) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(POSTGRES_SERVER + name);
        postgres.setUser("postgres");
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public MigrateResult migration() {
        return migration;
    }

    /** Runs statements in auto-commit mode, as an intruder with a SQL console would. */
    public void sql(String... statements) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Drops the append-only protection, as an intruder with DDL rights would before rewriting history. */
    public void dropAppendOnlyTrigger() {
        if (postgresName == null) {
            sql("DROP TRIGGER audit_log_append_only");
        } else {
            sql("DROP TRIGGER audit_log_append_only ON audit_log");
        }
    }

    /**
     * Creates table probe_result with the columns the result writer uses, unless a migration already did.
     */
    public void ensureProbeResultTable() {
        sql("CREATE TABLE IF NOT EXISTS probe_result ("
                + " id BIGINT NOT NULL PRIMARY KEY, checklist_id VARCHAR(200), activity_id VARCHAR(200),"
                + " probe_index INTEGER, target_id VARCHAR(200), type VARCHAR(32), probe_key VARCHAR(1000) NOT NULL,"
                + " started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, duration_us BIGINT NOT NULL,"
                + " status VARCHAR(16) NOT NULL, values_json TEXT, conditions_json TEXT, message VARCHAR(2000))");
    }

    @Override
    public void close() {
        if (postgresName == null) {
            sql("SHUTDOWN");
            return;
        }
        try (Connection server = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
                Statement drop = server.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + postgresName + ": " + e.getMessage(), e);
        }
    }
}
