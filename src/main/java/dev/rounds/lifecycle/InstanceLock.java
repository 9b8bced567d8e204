package dev.rounds.lifecycle;

import dev.rounds.core.CommandMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One Rounds instance per embedded H2 database. H2's {@code AUTO_SERVER}, which lets the jar's commands read the
 * database beside a running server, would just as silently let a second server in, and two instances would run every
 * probe and job twice. So a server takes an OS file lock next to the database file ({@code data/rounds.instance.lock}
 * beside {@code data/rounds.mv.db}) at start, and a second server on the same folder stops there, before any probe,
 * job or audit entry, naming the holder. The OS releases the lock when its holder ends, however it ends, so a
 * restart after {@code kill -9} is never refused. In-memory, remote and PostgreSQL databases are not locked.
 */
@ApplicationScoped
public class InstanceLock {

    /** Before Quarkus' schedulers start (at {@code PLATFORM_BEFORE}) and before Rounds' first audit entry. */
    static final int START_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE - 1;
    /** After the stop was recorded: from then on this instance no longer works on the folder. */
    static final int STOP_PRIORITY = Lifecycle.STOP_PRIORITY + 1;

    static final String SUFFIX = ".instance.lock";
    static final String URL = "quarkus.datasource.jdbc.url";
    private static final String H2 = "jdbc:h2:";
    /** An H2 URL's prefix other than {@code file:}: {@code mem:}, {@code tcp:}, {@code zip:}, {@code nio:}, … */
    private static final Pattern OTHER_STORE = Pattern.compile("^[A-Za-z]{2,}:.*");

    private final CommandMode command;
    private final Clock clock;
    private final Optional<String> url;

    /** Open for as long as this instance serves: closing it at the stop, or the process ending, releases the lock. */
    private FileChannel held;

    InstanceLock(CommandMode command, Clock clock, @ConfigProperty(name = URL) Optional<String> url) {
        this.command = command;
        this.clock = clock;
        this.url = url;
    }

    void onStart(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        if (command.active()) return;
        url.flatMap(InstanceLock::lockFileOf).ifPresent(this::take);
    }

    void onStop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent event) throws IOException {
        if (held != null) held.close();
    }

    /**
     * The lock file of an H2 file database's URL, next to its database file; empty for any other database.
     *
     * @param url a JDBC URL, e.g. {@code jdbc:h2:file:./data/rounds;AUTO_SERVER=TRUE}
     */
    static Optional<Path> lockFileOf(String url) {
        if (!url.startsWith(H2)) return Optional.empty();
        String name = url.substring(H2.length()).split(";", 2)[0];
        if (name.startsWith("file:")) name = name.substring("file:".length());
        if (name.isEmpty() || OTHER_STORE.matcher(name).matches()) return Optional.empty();
        if (name.equals("~") || name.startsWith("~/") || name.startsWith("~\\")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + SUFFIX).toAbsolutePath().normalize());
    }

    private void take(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw refusal(file);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
            held = channel;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot lock " + file + " to make sure no other Rounds instance uses its database: "
                            + e.getMessage(),
                    e);
        }
    }

    /** What the lock file says about its holder, for the message of an instance it refuses. */
    private String holder() {
        return "pid=" + ProcessHandle.current().pid() + "\nstarted="
                + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\n";
    }

    /** A configuration problem, which Quarkus reports as its message alone, without a stack trace, and exits 1. */
    private static ConfigurationException refusal(Path file) {
        return new ConfigurationException(
                "Rounds cannot start: another Rounds instance" + describeHolder(file)
                        + " already serves from the H2 database in " + file.getParent() + " (it holds " + file
                        + "). One H2 folder serves one instance: stop the other one, or run several instances on"
                        + " PostgreSQL (docs/several-instances.md).",
                Set.of(URL));
    }

    /** The holder's pid and start as {@code " (pid 1234, started …)"}, or nothing if the file cannot tell. */
    private static String describeHolder(Path file) {
        Properties holder = new Properties();
        try {
            holder.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException unreadable) {
            // on a system whose locks also bar reading, the message does without the details
            return "";
        }
        String pid = holder.getProperty("pid");
        String started = holder.getProperty("started");
        return pid == null || started == null ? "" : " (pid " + pid + ", started " + started + ")";
    }
}
