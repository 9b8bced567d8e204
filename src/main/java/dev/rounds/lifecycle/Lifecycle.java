package dev.rounds.lifecycle;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records Rounds' own start and clean stop in the audit log, so that a period's own downtime shows in the log and in
 * an auditor's bundle: the time between a {@value #STOPPED} and the next {@value #STARTED}, or, after a crash, between
 * the last entry and a {@value #STARTED} that says the previous run did not stop cleanly.
 */
@ApplicationScoped
public class Lifecycle {

    public static final String STARTED = "rounds.started";
    public static final String STOPPED = "rounds.stopped";
    static final String SUBJECT = "rounds";

    /** After the first checklist load, before the schedule records what came due while Rounds was down. */
    static final int START_PRIORITY = ChecklistRegistry.STARTUP_PRIORITY + 2;
    /** After the probe scheduler stopped and the result writer drained: the stop is the run's last entry. */
    static final int STOP_PRIORITY = Interceptor.Priority.APPLICATION + 2000;

    private static final String LAST = "SELECT MAX(seq) FROM audit_log WHERE action = ?";

    private final AuditLog audit;
    private final ChecklistRegistry checklists;
    private final DataSource dataSource;
    private final CommandMode command;
    private final String version;
    private final String database;

    Lifecycle(
            AuditLog audit,
            ChecklistRegistry checklists,
            DataSource dataSource,
            CommandMode command,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String database) {
        this.audit = audit;
        this.checklists = checklists;
        this.dataSource = dataSource;
        this.command = command;
        this.version = version;
        this.database = database;
    }

    void onStart(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        if (command.active()) return;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", version);
        detail.put("database", database);
        detail.put("checklists_sha256", checklists.current().sha256());
        detail.put(
                "previous_stop",
                previousStopWasClean() ? "clean" : "none recorded: the last run crashed or was killed");
        audit.append(AuditLog.SYSTEM, STARTED, SUBJECT, detail);
    }

    void onStop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent event) {
        if (command.active()) return;
        audit.append(AuditLog.SYSTEM, STOPPED, SUBJECT, Map.of("version", version));
    }

    /** True on a new database, or when the last start was followed by a stop. */
    private boolean previousStopWasClean() {
        try (Connection connection = dataSource.getConnection()) {
            long started = last(connection, STARTED);
            return started == 0 || last(connection, STOPPED) > started;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log's last start and stop: " + e.getMessage(), e);
        }
    }

    private static long last(Connection connection, String action) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LAST)) {
            query.setString(1, action);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
