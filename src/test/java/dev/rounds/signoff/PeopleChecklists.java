package dev.rounds.signoff;

import com.sun.net.httpserver.HttpServer;
import dev.rounds.SharedChecklistsProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Manual activities to sign off with evidence, and probes against a real HTTP server on loopback whose
 * {@code /health} always answers 500 (failing) and {@code /ok} 200; evidence at most {@link #MAX_BYTES} per file;
 * the application's clock stands still. Each test class has the checklist under an id of its own (see
 * {@link SharedChecklistsProfile#use}).
 */
public final class PeopleChecklists {

    /** The evidence size limit of the application these checklists run in. */
    public static final int MAX_BYTES = SharedChecklistsProfile.EVIDENCE_MAX_BYTES;

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

    private PeopleChecklists() {}

    /** Puts the checklist in force under this id, with the inventory naming the server as target {@code web}. */
    public static void use(String id) {
        SharedChecklistsProfile.use(files(id));
    }

    private static Map<String, String> files(String id) {
        String inventory = """
                targets:
                  - id: web
                    address: 127.0.0.1:%d
                """.formatted(SERVER.getAddress().getPort());
        StringBuilder people = new StringBuilder("""
                id: %s
                title: People (evidence and acknowledgements)
                cadence: daily
                due: 10h
                timezone: UTC
                activities:
                """.formatted(id));
        for (String manual : new String[] {
            "roundtrip",
            "oversize",
            "rights",
            "tamper",
            "link",
            "form",
            "form-big",
            "note-cyrillic",
            "note-astral",
            "note-long",
            "note-page"
        }) {
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
        return Map.of("inventory.yaml", inventory, "people.yaml", people.toString());
    }
}
