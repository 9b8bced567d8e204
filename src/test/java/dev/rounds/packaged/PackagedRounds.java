package dev.rounds.packaged;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, built by {@code ./mvnw verify} before the
 * integration tests) run as a child process in a home folder of its own, as a person runs it: its checklists in
 * {@code checklists/}, its database and files under {@code data/}, the README's start command.
 */
final class PackagedRounds {

    static final String PASSWORD = "crash-test-admin-password";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Path jar;
    private final Map<String, String> environment;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** HTTP Basic at first; {@link #useApiToken()} swaps it for a token, which costs no bcrypt per request. */
    private String authorization =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private Process process;
    private int port;
    private int starts;

    PackagedRounds(Path home) {
        this(home, jar(), Map.of());
    }

    /** Another build (the PostgreSQL one, say), started with further environment variables such as its database. */
    PackagedRounds(Path home, Path jar, Map<String, String> environment) {
        this.home = home;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
    }

    /** The packaged application; the integration tests run after {@code package}, so it is there. */
    static Path jar() {
        // -Drounds.it.jar=... runs the same tests against another build, e.g. an older one to see a test fail
        Path jar = Path.of(System.getProperty("rounds.it.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run the tests with ./mvnw verify, which packages first");
        return jar;
    }

    /** The PostgreSQL build, {@code target/quarkus-app-postgresql/quarkus-run.jar}, packaged beside the H2 one. */
    static Path postgresqlJar() {
        Path jar = Path.of(
                        System.getProperty("rounds.it.postgresql-jar", "target/quarkus-app-postgresql/quarkus-run.jar"))
                .toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run the tests with ./mvnw verify, which packages first");
        return jar;
    }

    Path home() {
        return home;
    }

    /** How many times Rounds was launched, including starts retried because their port was taken. */
    int launches() {
        return starts;
    }

    /**
     * Starts the server on a free port and waits until it is ready. A port found free may be taken before the server
     * binds it (by H2's own server port or a probe's connection), so a start that finds it taken tries another.
     */
    void start() {
        for (int attempt = 1; ; attempt++) {
            if (startOn(freePort())) return;
            if (attempt == 3) fail("three free ports were taken before Rounds could bind them");
        }
    }

    /** Starts on {@code port}; false if the port was taken meanwhile. */
    private boolean startOn(int port) {
        this.port = port;
        List<String> command = java(
                "-Dquarkus.http.port=" + port,
                "-Drounds.security.initial-admin-password=" + PASSWORD,
                "-jar",
                jar.toString());
        Path log = home.resolve("server-" + (++starts) + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long begun = System.nanoTime();
        long deadline = begun + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (read(log).contains("Port " + port + " seems to be in use")) return false;
                fail("Rounds exited with " + process.exitValue() + " at start; its log:\n" + read(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(uri("/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    System.out.printf(
                            "packaged Rounds ready in %.1f s (start %d)%n", (System.nanoTime() - begun) / 1e9, starts);
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        fail("Rounds was not ready within 90 s; its log:\n" + read(log));
        return false;
    }

    /** SIGKILL: the JVM gets no chance to flush, drain or say goodbye. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: a clean stop. */
    void stop() {
        process.destroy();
        waitFor();
    }

    /** The log of the latest start. */
    String log() {
        return read(home.resolve("server-" + starts + ".log"));
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) fail("Rounds did not end within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code java -jar quarkus-run.jar args...} in the home folder, as a command beside the server. */
    Command command(String... args) {
        return command(java.util.Map.of(), args);
    }

    /** Runs a command with further environment variables, e.g. {@code QUARKUS_DATASOURCE_JDBC_URL}. */
    Command command(java.util.Map<String, String> environment, String... args) {
        List<String> command = java("-jar", jar.toString());
        command.addAll(List.of(args));
        return run(command, environment, Duration.ofSeconds(90), String.join(" ", args));
    }

    /**
     * Starts another server on this home folder, on a port of its own, and waits at most {@code bound} for it to end:
     * for a start that must be refused.
     */
    Command startAnother(Duration bound) {
        return run(
                java("-Dquarkus.http.port=" + freePort(), "-jar", jar().toString()),
                java.util.Map.of(),
                bound,
                "another server");
    }

    /** The running server's process id. */
    long pid() {
        return process.pid();
    }

    private Command run(List<String> command, java.util.Map<String, String> environment, Duration bound, String what) {
        try {
            Path out = Files.createTempFile(home, "command", ".out");
            Path err = Files.createTempFile(home, "command", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(this.environment);
            builder.environment().putAll(environment);
            Process run = builder.start();
            if (!run.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                run.destroyForcibly();
                fail(what + " did not end within " + bound.toSeconds() + " s; its output:\n" + read(out) + read(err));
            }
            return new Command(run.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a command printed and its exit code. */
    record Command(int exit, String out, String err) {}

    /** A response: its status and body. */
    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.header("Authorization", authorization)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** Creates a personal API token for admin and sends it from now on, instead of the password. */
    void useApiToken() throws IOException, InterruptedException {
        Reply created = post("/api/account/tokens", java.util.Map.of("name", "packaged test " + System.nanoTime()));
        if (created.status() != 201) fail("creating an API token answered " + created);
        authorization = "Bearer " + created.json().get("token").asText();
    }

    /** Every audit entry, in sequence order. */
    List<JsonNode> audit() throws IOException, InterruptedException {
        List<JsonNode> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            Reply page = get("/api/audit?after=" + after + "&limit=1000");
            if (page.status() != 200) fail("GET /api/audit answered " + page.status() + ": " + page.body());
            JsonNode rows = page.json();
            if (rows.isEmpty()) return entries;
            rows.forEach(entries::add);
            after = rows.get(rows.size() - 1).get("seq").asLong();
        }
    }

    /** The address of {@code path} on the running server, for other clients (a load generator). */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
