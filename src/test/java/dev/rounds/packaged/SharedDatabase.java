package dev.rounds.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * An empty PostgreSQL database of its own on 127.0.0.1:5432 (user postgres, trust authentication), created for one
 * run of several packaged instances that share it and dropped on close. Rounds migrates it as it starts.
 */
final class SharedDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name = "rounds_it_" + UUID.randomUUID().toString().replace("-", "");

    SharedDatabase() {
        onServer("CREATE DATABASE " + name);
    }

    /** The environment that points an instance of the PostgreSQL build at this database. */
    Map<String, String> environment() {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", SERVER + name, "QUARKUS_DATASOURCE_USERNAME", "postgres");
    }

    /** A connection of the test's own, to read what the instances wrote. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name, "postgres", "");
    }

    @Override
    public void close() {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void onServer(String sql) {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = server.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "this test needs PostgreSQL on 127.0.0.1:5432 with user postgres and trust authentication (" + sql
                            + "): " + e.getMessage(),
                    e);
        }
    }
}
