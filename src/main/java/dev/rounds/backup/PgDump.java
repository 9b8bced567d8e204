package dev.rounds.backup;

import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.type.ChildProcess;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes a PostgreSQL database with {@code pg_dump --format=custom}, which {@code pg_restore} reads, run as a
 * {@link ChildProcess}: no shell, no input, the password in its environment only (never on its command line), and
 * killed at {@link #TIMEOUT}. pg_dump reads the whole database in one snapshot, so the copy's audit chain, its head
 * and the rows it anchors agree without holding any lock of Rounds'.
 */
final class PgDump implements DatabaseDump {

    /** Longer than a dump of years of results takes, short enough that a hung one does not wait for the next night. */
    static final Duration TIMEOUT = Duration.ofHours(2);
    /** pg_dump writes to its file and says little; its last lines say what went wrong. */
    private static final int ERROR_BYTES = 4096;

    private final String program;
    private final PgServer server;
    private final Map<String, String> environment;
    private final DataSource dataSource;
    private final ProbeContext context;

    /**
     * @param program the pg_dump to run, {@code rounds.backup.pg-dump}
     * @param password empty when the server asks for none
     * @param dataSource the same database, asked for its version when pg_dump cannot run
     */
    PgDump(String program, PgServer server, String password, DataSource dataSource, Vertx vertx, Clock clock) {
        this.program = program;
        this.server = server;
        this.dataSource = dataSource;
        this.context = new ProbeContext(vertx, clock, ERROR_BYTES);
        Map<String, String> environment = new LinkedHashMap<>(ChildProcess.plainEnvironment());
        if (!password.isEmpty()) environment.put("PGPASSWORD", password);
        if (!server.sslMode().isEmpty()) environment.put("PGSSLMODE", server.sslMode());
        this.environment = environment;
    }

    @Override
    public String extension() {
        return ".dump";
    }

    @Override
    public void write(Path target) throws IOException {
        if (!installed()) {
            throw new IOException("pg_dump is not installed: there is no executable " + program
                    + (program.contains("/") ? "" : " on Rounds' PATH " + environment.getOrDefault("PATH", ""))
                    + "; " + installAdvice());
        }
        List<String> command =
                new ArrayList<>(List.of(program, "--format=custom", "--no-password", "--file=" + target));
        command.addAll(server.options());
        var dump = new ChildProcess(
                command,
                environment,
                ERROR_BYTES,
                ChildProcess.OverCap.DRAIN,
                ChildProcess.ErrorOutput.last(ERROR_BYTES));
        ChildProcess.End end = await(dump);
        if (end instanceof ChildProcess.NotStarted notStarted) {
            throw new IOException(
                    program + " cannot be run (" + notStarted.cause().getMessage() + "): " + installAdvice());
        }
        if (end instanceof ChildProcess.ReadFailed failed) {
            throw new IOException(
                    "cannot read what " + program + " said: " + failed.cause().getMessage());
        }
        if (end instanceof ChildProcess.TimedOut) {
            throw new IOException(program + " did not finish within " + TIMEOUT.toHours() + " hours; it was stopped");
        }
        var exited = (ChildProcess.Exited) end;
        if (exited.exitCode() != 0) {
            String said = exited.errors()
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.joining(" "));
            throw new IOException(program + " failed with exit code " + exited.exitCode() + ": "
                    + (said.isEmpty() ? "it said nothing" : said)
                    + (said.contains("server version mismatch") ? "; " + installAdvice() : ""));
        }
    }

    private ChildProcess.End await(ChildProcess dump) throws IOException {
        try {
            return dump.run(context, TIMEOUT).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the backup was interrupted while " + program + " ran");
        } catch (ExecutionException e) {
            throw new IOException("cannot run " + program + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether the program is there to run: a path as it is, a name on the PATH the JVM looks it up on. */
    private boolean installed() {
        if (program.contains("/")) return Files.isExecutable(Path.of(program));
        for (String folder : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return true;
        }
        return false;
    }

    /** What to do about a pg_dump that is missing or older than the server. */
    private String installAdvice() {
        return "install the PostgreSQL client of the server's major version (Debian: apt-get install postgresql-client-"
                + serverMajorVersion() + ") or set rounds.backup.pg-dump to the path of its pg_dump";
    }

    private String serverMajorVersion() {
        try (Connection connection = dataSource.getConnection()) {
            return String.valueOf(connection.getMetaData().getDatabaseMajorVersion());
        } catch (SQLException unreachable) {
            return "<major version>";
        }
    }
}
