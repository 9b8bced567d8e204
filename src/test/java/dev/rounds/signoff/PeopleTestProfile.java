package dev.rounds.signoff;

import com.sun.net.httpserver.HttpServer;
import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Manual activities to sign off with evidence, and probes against a real HTTP server on loopback whose
 * {@code /health} always answers 500 (failing) and {@code /ok} 200; evidence in a temporary folder, at most
 * {@link #MAX_BYTES} per file; the application's clock stands still.
 */
public class PeopleTestProfile implements QuarkusTestProfile {

    /** The evidence size limit of this profile. */
    public static final int MAX_BYTES = 4096;

    static final HttpServer SERVER = startServer();

    private static HttpServer startServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/health", exchange -> answer(exchange, 500));
            server.createContext("/ok", exchange -> answer(exchange, 200));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
        byte[] body = "{}".getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-people-");
            Path evidence = Files.createTempDirectory("rounds-evidence-");
            Files.writeString(dir.resolve("inventory.yaml"), """
                    targets:
                      - id: web
                        address: 127.0.0.1:%d
                    """.formatted(SERVER.getAddress().getPort()));
            StringBuilder people = new StringBuilder("""
                    id: people
                    title: People (evidence and acknowledgements)
                    cadence: daily
                    due: 10h
                    timezone: UTC
                    activities:
                    """);
            for (String manual : new String[] {"roundtrip", "oversize", "rights", "tamper", "link", "form", "form-big",
                    "note-cyrillic", "note-astral", "note-long", "note-page"}) {
                people.append("""
                          - id: %s
                            title: Manual %s
                            signoff: always
                        """.formatted(manual, manual));
            }
            for (String failing : new String[] {"web-up", "ack-life", "ack-expiry", "ack-form"}) {
                people.append("""
                          - id: %s
                            title: Web answers (%s)
                            signoff: on-failure
                            probes:
                              - type: http
                                target: web
                                path: /health
                                timeout: 10s
                                confirm: 1
                                expect: [status == 200]
                        """.formatted(failing, failing));
            }
            people.append("""
                      - id: web-ok
                        title: Web answers on /ok
                        probes:
                          - type: http
                            target: web
                            path: /ok
                            timeout: 10s
                            expect: [status == 200]
                    """);
            Files.writeString(dir.resolve("people.yaml"), people);
            return Map.of("rounds.checklists.dir", dir.toString(), "rounds.schedule.tick", "off",
                    "rounds.backup.at-first-start", "false", "rounds.evidence.dir", evidence.toString(),
                    "rounds.evidence.max-bytes", String.valueOf(MAX_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
