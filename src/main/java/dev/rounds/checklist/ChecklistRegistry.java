package dev.rounds.checklist;

import dev.rounds.audit.AuditLog;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Holds the configuration in force. A reload with problems keeps the last good configuration running; every
 * load, good or rejected, is recorded in the audit log with the SHA-256 of each file.
 */
@ApplicationScoped
public class ChecklistRegistry {

    /**
     * The start-up priority of the first load. {@code StartupEvent} observers with a larger value (the default
     * is {@code Interceptor.Priority.APPLICATION + 500}) run after it and may rely on {@link #current()}.
     */
    public static final int STARTUP_PRIORITY = Interceptor.Priority.LIBRARY_BEFORE;

    public static final String LOADED = "checklist.loaded";
    public static final String REJECTED = "checklist.rejected";
    public static final String SUBJECT = "checklists";

    private static final Logger LOG = Logger.getLogger(ChecklistRegistry.class);

    private final ChecklistsConfig config;
    private final ProbeCatalog catalog;
    private final AuditLog audit;
    private final Event<ChecklistsLoaded> loaded;
    private final CommandMode command;
    private final ChecklistLoader loader = new ChecklistLoader();

    private volatile ChecklistSet current;
    /** The file hashes of the last load attempt, good or not, so that polling reloads only on a change. */
    private Map<String, String> lastSeen = Map.of();

    ChecklistRegistry(
            ChecklistsConfig config,
            ProbeCatalog catalog,
            AuditLog audit,
            Event<ChecklistsLoaded> loaded,
            CommandMode command) {
        this.config = config;
        this.catalog = catalog;
        this.audit = audit;
        this.loaded = loaded;
        this.command = command;
    }

    /** Loads the checklists when Rounds serves; a command loads them only if it needs them. */
    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        if (!command.active()) current();
    }

    /**
     * The configuration in force. The first call loads the folder; if it has problems, each is logged and the
     * call fails, which fails start-up: Rounds does not run without a valid configuration.
     */
    public ChecklistSet current() {
        ChecklistSet set = current;
        if (set != null) return set;
        synchronized (this) {
            if (current == null) {
                LoadResult result = command.active() ? readOnly() : reload(AuditLog.SYSTEM);
                if (!result.isValid()) {
                    result.problems().forEach(p -> LOG.errorf("checklist problem folder=%s %s", folder(), p));
                    throw new IllegalStateException("Rounds cannot start: the checklist folder "
                            + folder().toAbsolutePath()
                            + " has " + result.problems().size()
                            + " problem(s); fix them (run 'validate' to list them) "
                            + "and start again. First: " + result.problems().get(0));
                }
            }
            return current;
        }
    }

    /**
     * A command's load: put in force for the command's reports, but neither recorded nor announced, because a
     * command beside a live server must not add to its audit log or start what a load starts.
     */
    private LoadResult readOnly() {
        LoadResult result = loader.load(folder(), catalog);
        if (result.isValid()) current = result.set();
        return result;
    }

    /** The folder the checklists are loaded from. */
    public Path folder() {
        return Path.of(config.dir());
    }

    /**
     * Loads the folder again. A valid folder replaces the configuration in force, is audited as
     * {@value #LOADED} and announced as {@link ChecklistsLoaded}; otherwise the configuration in force stays and
     * the problems are audited as {@value #REJECTED}.
     *
     * @param actor who asked for the reload, {@link AuditLog#SYSTEM} for start-up and polling
     */
    public synchronized LoadResult reload(String actor) {
        LoadResult result = loader.load(folder(), catalog);
        lastSeen = result.files();
        if (!result.isValid()) {
            // At start-up nothing is in force yet: current() logs the problems as the reason start-up fails.
            if (current != null) {
                result.problems()
                        .forEach(p -> LOG.warnf(
                                "checklists rejected, keeping the configuration in force folder=%s %s", folder(), p));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put(
                    "problems",
                    result.problems().stream().map(Problem::toString).toList());
            detail.put("files", result.files());
            audit.append(actor, REJECTED, SUBJECT, detail);
            return result;
        }
        // Audited before it is put in force: no result may come from a configuration the log cannot trace.
        audit.append(actor, LOADED, SUBJECT, Map.of("files", result.files()));
        ChecklistSet previous = current;
        current = result.set();
        LOG.infof("checklists loaded folder=%s actor=%s files=%s", folder(), actor, result.files());
        loaded.fire(new ChecklistsLoaded(previous, result.set()));
        return result;
    }

    /** Reloads when a file in the folder was added, removed or changed since the last load attempt. */
    @Scheduled(
            every = "${rounds.checklists.poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    synchronized void poll() {
        if (current == null) return;
        if (!Objects.equals(ChecklistLoader.fileHashes(folder()), lastSeen)) {
            reload(AuditLog.SYSTEM);
        }
    }
}
