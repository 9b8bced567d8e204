package dev.rounds.advisory;

import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeStatus;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed probe's {@code token_env} is read through the probe context's {@link Environment}, like every other
 * secret a probe sends; a real loopback server sees the header. The inbox is a stand-in: nothing is stored.
 */
class FeedTokenTest {

    private static final Environment ENVIRONMENT =
            name -> name.equals("ROUNDS_TEST_FEED_TOKEN") ? Optional.of("nvd-key-123") : Optional.empty();

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<String> apiKeys = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        vertx = ProbeHarness.vertx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/feed.xml", exchange -> {
            apiKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("apiKey")));
            byte[] body = FeedServer.QUIET_RSS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Observation fetch(String tokenEnv) {
        Target feeds = target("feeds", "127.0.0.1:" + server.getAddress().getPort());
        Map<String, Object> settings = Map.of(
                "url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml",
                "token_env",
                tokenEnv,
                "token_header",
                "apiKey");
        ProbeContext context = new ProbeContext(vertx, Clock.systemUTC(), 1 << 20, List.of(ENVIRONMENT, new Inbox()));
        return new FeedProbe()
                .observe(spec("feed", feeds, settings, Duration.ofSeconds(5)), feeds, context)
                .toCompletableFuture()
                .join();
    }

    @Test
    void theTokenComesFromTheEnvironmentFacility() {
        Observation seen = fetch("ROUNDS_TEST_FEED_TOKEN");

        assertNull(seen.verdict(), seen.message());
        assertEquals(2, seen.values().get("items"));
        assertEquals(List.of("nvd-key-123"), apiKeys);
    }

    @Test
    void aTokenTheFacilityDoesNotHaveIsAnErrorNamingTheVariable() {
        Observation seen = fetch("PATH");

        assertEquals(ProbeStatus.ERROR, seen.verdict());
        assertEquals(
                "environment variable PATH (token_env) is not set; set it to the API key of http://127.0.0.1:"
                        + server.getAddress().getPort() + "/feed.xml",
                seen.message());
    }

    /** Remembers nothing: every fetch is unconditional and every document is new. */
    private static final class Inbox implements AdvisoryInbox {

        @Override
        public long maxBytes() {
            return 1 << 20;
        }

        @Override
        public Optional<String> proxy() {
            return Optional.empty();
        }

        @Override
        public Optional<Validators> validators(String url) {
            return Optional.empty();
        }

        @Override
        public Receipt receive(String url, FeedDocument document, Validators validators) {
            return new Receipt(document.count(), 0, 0);
        }

        @Override
        public Receipt notModified(String url) {
            return new Receipt(0, 0, 0);
        }
    }
}
