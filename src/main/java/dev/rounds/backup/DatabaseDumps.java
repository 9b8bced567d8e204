package dev.rounds.backup;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses how the database Rounds is built for is backed up: H2's script, or pg_dump for PostgreSQL. */
@Dependent
class DatabaseDumps {

    @Produces
    @Singleton
    DatabaseDump forThisDatabase(
            @ConfigProperty(name = "quarkus.datasource.db-kind") String kind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            BackupConfig config,
            DataSource dataSource,
            Vertx vertx,
            Clock clock) {
        if ("h2".equals(kind)) return new H2Script(dataSource);
        String jdbcUrl = url.orElse(null);
        return new PgDump(
                config.pgDump(),
                PgServer.of(jdbcUrl, user),
                password.or(() -> PgServer.passwordIn(jdbcUrl)).orElse(""),
                dataSource,
                vertx,
                clock);
    }
}
