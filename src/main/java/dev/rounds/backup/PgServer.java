package dev.rounds.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The server and database Rounds uses, as pg_dump's connection options: hosts, ports and database from the JDBC
 * URL ({@code jdbc:postgresql://host:5432/rounds}, several hosts allowed), the user from
 * {@code quarkus.datasource.username} or else the URL, the URL's {@code sslmode} as libpq's. The password is not
 * here: it goes into pg_dump's environment only.
 *
 * @param database empty when the URL names none: pg_dump then takes the user's name, as the JDBC driver does
 * @param user empty when neither names one
 * @param sslMode empty when the URL sets none
 */
record PgServer(String hosts, String ports, String database, String user, String sslMode) {

    /**
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL
     */
    static PgServer of(String jdbcUrl, Optional<String> user) {
        Properties url = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, null);
        if (url == null) {
            throw new IllegalArgumentException("quarkus.datasource.jdbc.url is not a PostgreSQL JDBC URL like"
                    + " jdbc:postgresql://db.example.internal:5432/rounds");
        }
        return new PgServer(
                url.getProperty("PGHOST").replace("[", "").replace("]", ""),
                url.getProperty("PGPORT"),
                url.getProperty("PGDBNAME", ""),
                user.filter(u -> !u.isBlank()).orElse(url.getProperty("user", "")),
                url.getProperty("sslmode", ""));
    }

    /** The URL's password, for a URL that carries one instead of {@code quarkus.datasource.password}. */
    static Optional<String> passwordIn(String jdbcUrl) {
        Properties url = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, null);
        return url == null ? Optional.empty() : Optional.ofNullable(url.getProperty("password"));
    }

    /** pg_dump's options for this server; {@code --dbname} last. */
    List<String> options() {
        List<String> options = new ArrayList<>(List.of("--host=" + hosts, "--port=" + ports));
        if (!user.isEmpty()) options.add("--username=" + user);
        if (!database.isEmpty()) options.add("--dbname=" + database);
        return options;
    }
}
