package dev.rounds.schedule;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A checklist folder with one checklist per cadence in Europe/London, and a real HTTP server on loopback
 * whose answer the test switches between 200 and 500.
 */
final class ScheduleFlowChecklists {

    static final AtomicInteger STATUS = new AtomicInteger(200);
    static final HttpServer SERVER = startServer();

    private static HttpServer startServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/health", exchange -> {
                byte[] body = "{\"ok\":true}".getBytes();
                exchange.sendResponseHeaders(STATUS.get(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScheduleFlowChecklists() {}

    static Map<String, String> files() {
        return Map.of(
                "inventory.yaml", """
                    targets:
                      - id: web
                        address: 127.0.0.1:%d
                    """.formatted(SERVER.getAddress().getPort()),
                "daily.yaml", """
                    id: daily
                    title: Daily
                    cadence: daily
                    due: 10h
                    timezone: Europe/London
                    activities:
                      - id: review
                        title: Review the overnight alerts
                        signoff: always
                      - id: web-up
                        title: Web answers
                        probes:
                          - type: http
                            target: web
                            path: /health
                            timeout: 10s
                            confirm: 1
                            expect: [status == 200]
                      - id: paused
                        title: Check the tape library
                        signoff: always
                        enabled: false
                        reason: library decommissioned, replacement due in May
                    """,
                "weekly.yaml", """
                    id: weekly
                    title: Weekly
                    cadence: weekly
                    due: 4d17h
                    timezone: Europe/London
                    activities:
                      - id: ops-review
                        title: Hold the weekly operations review
                        signoff: always
                    """,
                "monthly.yaml", """
                    id: monthly
                    title: Monthly
                    cadence: monthly
                    due: 5d
                    timezone: Europe/London
                    activities:
                      - id: capacity
                        title: Review capacity
                        signoff: always
                    """,
                "quarterly.yaml", """
                    id: quarterly
                    title: Quarterly
                    cadence: quarterly
                    due: 30d
                    timezone: Europe/London
                    activities:
                      - id: dr-test
                        title: Test disaster recovery
                        signoff: always
                    """);
    }
}
