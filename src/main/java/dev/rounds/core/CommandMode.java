package dev.rounds.core;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this process runs a one-off command from the jar ({@code verify}, {@code export}) rather than serving.
 * A command boots Rounds for its database and services only: no web server, schedule, probe or job starts, and the
 * checklists load without being recorded, so a command run beside a live server changes nothing but what it is for.
 * The features that start work at start-up ask {@link #active()}.
 */
@ApplicationScoped
public class CommandMode {

    /** The configuration property naming the command; absent when Rounds serves. */
    public static final String PROPERTY = "rounds.command";

    /** What every command needs of Quarkus: the database, without the web server, the scheduler or chatter. */
    private static final Map<String, String> QUARKUS = Map.of(
            "quarkus.http.host-enabled", "false",
            "quarkus.scheduler.enabled", "false",
            "quarkus.banner.enabled", "false",
            "quarkus.log.level", "WARN");

    @ConfigProperty(name = PROPERTY)
    Optional<String> command;

    /** True in a command, false when Rounds serves. */
    public boolean active() {
        return command.isPresent();
    }

    /**
     * Boots Rounds in command mode and runs {@code application}; {@code settings} are further properties the command
     * needs. A {@code -D} given on the command line wins, e.g. {@code -Dquarkus.log.level=INFO} to see the migrations.
     */
    public static void launch(
            String name,
            Class<? extends QuarkusApplication> application,
            Map<String, String> settings,
            String... args) {
        System.setProperty(PROPERTY, name);
        QUARKUS.forEach(CommandMode::setDefault);
        settings.forEach(CommandMode::setDefault);
        Quarkus.run(application, args);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
