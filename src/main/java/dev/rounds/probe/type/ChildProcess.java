package dev.rounds.probe.type;

import dev.rounds.probe.ProbeContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The one way probes run a child process (exec's plugins, ping, restic and borg): without a shell, with no input and
 * exactly the environment it is given, its output read up to a cap, part of its error output kept, and it and every
 * process it started killed at the timeout. It never blocks the caller: the process is started and read on Vert.x
 * worker threads, and the stage completes, on the event loop, when the process has ended or at the timeout,
 * whichever comes first.
 */
public final class ChildProcess {

    /** What becomes of output past the cap. */
    public enum OverCap {
        /** The process is killed: what it says past the cap is not worth waiting for. */
        STOP,
        /** It is read and dropped, so that the process never blocks writing and finishes as it would. */
        DRAIN
    }

    /**
     * Where the error output goes: into the output ({@link #MERGED}), or read on its own with the first or the last
     * {@code bytes} of it kept.
     */
    public record ErrorOutput(boolean merged, boolean keepLast, int bytes) {

        public static final ErrorOutput MERGED = new ErrorOutput(true, false, 0);

        public static ErrorOutput first(int bytes) {
            return new ErrorOutput(false, false, bytes);
        }

        public static ErrorOutput last(int bytes) {
            return new ErrorOutput(false, true, bytes);
        }

        KeptBytes kept() {
            return keepLast ? KeptBytes.last(bytes) : KeptBytes.first(bytes);
        }
    }

    /** How a run ended: {@link Exited}, {@link TimedOut}, {@link NotStarted} or {@link ReadFailed}. */
    public sealed interface End permits Exited, TimedOut, NotStarted, ReadFailed {}

    /**
     * The process ended by itself, or was stopped at the cap.
     *
     * @param output what it wrote, UTF-8, at most the cap
     * @param cut whether it wrote more than the cap
     * @param errors the kept part of its error output; empty when merged
     */
    public record Exited(int exitCode, String output, boolean cut, String errors) implements End {}

    /** The timeout passed: the process and the {@code descendants} it had started were killed. */
    public record TimedOut(int descendants) implements End {}

    /** The process could not be started (no such program, not executable). */
    public record NotStarted(IOException cause) implements End {}

    /** Reading the process's output failed; it was killed. */
    public record ReadFailed(IOException cause) implements End {}

    private final List<String> command;
    private final Map<String, String> environment;
    private final long maxBytes;
    private final OverCap overCap;
    private final ErrorOutput errors;

    /**
     * PATH and HOME from Rounds' own environment, in the C locale that the probes' readers expect: nothing else,
     * because Rounds' environment holds secrets (API tokens, passwords) that a plugin or ping has no use for.
     */
    public static Map<String, String> plainEnvironment() {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME")) {
            String value = System.getenv(name);
            if (value != null) kept.put(name, value);
        }
        kept.put("LC_ALL", "C");
        return kept;
    }

    /**
     * @param command the program, as a path or a name the JVM looks up on its own PATH, and its arguments
     * @param environment every variable the process sees: nothing else is inherited
     * @param maxBytes the most of its output that is kept
     */
    public ChildProcess(
            List<String> command, Map<String, String> environment, long maxBytes, OverCap overCap, ErrorOutput errors) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.maxBytes = maxBytes;
        this.overCap = overCap;
        this.errors = errors;
    }

    /** Starts the process; the stage never fails but for an interrupted worker. */
    public CompletionStage<End> run(ProbeContext context, Duration timeout) {
        var run = new Run(context);
        long timer = context.vertx().setTimer(Math.max(1, timeout.toMillis()), id -> run.timedOut());
        run.done.whenComplete((end, failure) -> context.vertx().cancelTimer(timer));
        context.blocking(run::toTheEnd).whenComplete((end, failure) -> {
            if (failure != null) {
                run.done.completeExceptionally(failure);
            } else {
                run.done.complete(end);
            }
        });
        return run.done;
    }

    /**
     * Kills the process and everything it started; returns how many descendants there were. Descendants are listed
     * first: once the process is gone they are orphans and no longer its descendants.
     */
    private static int killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        return descendants.size();
    }

    /** Reads to the end, or until {@code kept} drops bytes, when it kills {@code killAtCap} if there is one. */
    private static KeptBytes read(InputStream stream, KeptBytes kept, Process killAtCap) throws IOException {
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                kept.write(buffer, n);
                if (killAtCap != null && kept.dropped()) {
                    killTree(killAtCap);
                    break;
                }
            }
        }
        return kept;
    }

    /** One run: the worker reads it to its end, the timer may end it first; whichever completes {@code done} wins. */
    private final class Run {

        private final ProbeContext context;
        private final CompletableFuture<End> done = new CompletableFuture<>();
        private Process process;
        private boolean abandoned;

        Run(ProbeContext context) {
            this.context = context;
        }

        End toTheEnd() throws InterruptedException {
            var builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(errors.merged());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process started;
            try {
                started = builder.start();
            } catch (IOException cannot) {
                return new NotStarted(cannot);
            }
            if (!hold(started)) return new TimedOut(0);
            CompletableFuture<String> errorText = errors.merged()
                    ? CompletableFuture.completedFuture("")
                    : context.blocking(() -> read(started.getErrorStream(), errors.kept(), null)
                                    .text())
                            .toCompletableFuture();
            try {
                KeptBytes output = read(
                        started.getInputStream(), KeptBytes.first(maxBytes), overCap == OverCap.STOP ? started : null);
                int exit = started.waitFor();
                // It has exited: its error output ends at once, unless a process it left behind still holds it.
                String said = errorText
                        .completeOnTimeout("", 1, TimeUnit.SECONDS)
                        .exceptionally(unread -> "")
                        .join();
                return new Exited(exit, output.text(), output.dropped(), said);
            } catch (IOException broken) {
                killTree(started);
                return new ReadFailed(broken);
            } catch (InterruptedException interrupted) {
                killTree(started);
                throw interrupted;
            }
        }

        /** Whether the worker may go on with the process; after the timeout it is killed here instead. */
        private synchronized boolean hold(Process started) {
            if (abandoned) {
                killTree(started);
                return false;
            }
            process = started;
            return true;
        }

        void timedOut() {
            if (done.isDone()) return;
            Process running;
            synchronized (this) {
                abandoned = true;
                running = process;
            }
            done.complete(new TimedOut(running == null ? 0 : killTree(running)));
        }
    }
}
