package dev.rounds.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} as a child process: a fixed number of connections for a fixed time against one address, with
 * one request header, and its throughput and latency percentiles read back from what it prints. Its timeout is long
 * (30 s) so that slow answers count in the percentiles instead of being dropped as timeouts.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

    private final int threads;
    private final int connections;
    private final Duration duration;

    Wrk(int threads, int connections, Duration duration) {
        this.threads = threads;
        this.connections = connections;
        this.duration = duration;
    }

    /** What one run measured: requests per second, latency percentiles in ms, and the answers that were not 2xx. */
    record Result(double perSecond, double p50, double p90, double p99, long non2xx, String errors) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%9.1f req/s  p50 %8.1f ms  p90 %8.1f ms  p99 %8.1f ms%s%s",
                    perSecond,
                    p50,
                    p90,
                    p99,
                    non2xx > 0 ? "  non-2xx " + non2xx : "",
                    errors.isEmpty() ? "" : "  socket errors: " + errors);
        }
    }

    /** Runs wrk against {@code address}, sending {@code header} (e.g. {@code Authorization: Bearer ...}) if not null. */
    Result run(URI address, String header) {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "30s",
                "--latency"));
        if (header != null) command.addAll(List.of("-H", header));
        command.add(address.toString());
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0)
                throw new IllegalStateException("wrk failed: " + out);
            return new Result(
                    number(RATE, out),
                    percentile(out, "50%"),
                    percentile(out, "90%"),
                    percentile(out, "99%"),
                    (long) number(NON_2XX, out),
                    text(ERRORS, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A line of wrk's latency distribution, {@code 99%  45.12ms}, in milliseconds. */
    private static double percentile(String out, String which) {
        Matcher line = Pattern.compile(
                        "^\\s+" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!line.find()) throw new IllegalStateException("no " + which + " latency in wrk's output: " + out);
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static double number(Pattern pattern, String out) {
        Matcher found = pattern.matcher(out);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    private static String text(Pattern pattern, String out) {
        Matcher found = pattern.matcher(out);
        return found.find() ? found.group(1).trim() : "";
    }
}
