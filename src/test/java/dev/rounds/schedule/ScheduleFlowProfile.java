package dev.rounds.schedule;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A checklist folder with one checklist per cadence in Europe/London, and a real HTTP server on loopback
 * whose answer the test switches between 200 and 500.
 */
public class ScheduleFlowProfile implements QuarkusTestProfile {

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

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-schedule-");
            Files.writeString(dir.resolve("inventory.yaml"), """
                    targets:
                      - id: web
                        address: 127.0.0.1:%d
                    """.formatted(SERVER.getAddress().getPort()));
            Files.writeString(dir.resolve("daily.yaml"), """
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
                    """);
            Files.writeString(dir.resolve("weekly.yaml"), """
                    id: weekly
                    title: Weekly
                    cadence: weekly
                    due: 4d17h
                    timezone: Europe/London
                    activities:
                      - id: ops-review
                        title: Hold the weekly operations review
                        signoff: always
                    """);
            Files.writeString(dir.resolve("monthly.yaml"), """
                    id: monthly
                    title: Monthly
                    cadence: monthly
                    due: 5d
                    timezone: Europe/London
                    activities:
                      - id: capacity
                        title: Review capacity
                        signoff: always
                    """);
            Files.writeString(dir.resolve("quarterly.yaml"), """
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
            return Map.of("rounds.checklists.dir", dir.toString(), "rounds.schedule.tick", "off");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
