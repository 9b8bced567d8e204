package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.SilentServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one bounded HTTP fetch against a real server on 127.0.0.1: what it reads, and where it stops. */
class HttpFetchTest {

    private static final long CAP = 64 * 1024;
    private static final long ENDLESS = 50L * 1024 * 1024;

    private static Vertx vertx;
    private static HttpServer server;
    private static ExecutorService handlers;
    private static final CountDownLatch stop = new CountDownLatch(1);
    private static final List<String> userAgents = new CopyOnWriteArrayList<>();
    /** What each endless path had sent when the client hung up, by path. */
    private static final Map<String, CompletableFuture<Long>> endlessSent = Map.of(
            "/endless",
            new CompletableFuture<>(),
            "/endless-404",
            new CompletableFuture<>(),
            "/endless-after-redirect",
            new CompletableFuture<>());

    @BeforeAll
    static void start() throws IOException {
        vertx = ProbeHarness.vertx();
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(handlers);
        server.createContext("/small", exchange -> {
            userAgents.add(String.join(", ", exchange.getRequestHeaders().get("User-Agent")));
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            send(exchange, 200, "hello");
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/small");
            send(exchange, 302, "see /small");
        });
        server.createContext("/moved-to-endless", exchange -> {
            exchange.getResponseHeaders().add("Location", "/endless-after-redirect");
            send(exchange, 302, "");
        });
        server.createContext("/endless", exchange -> endless(exchange, 200));
        server.createContext("/endless-after-redirect", exchange -> endless(exchange, 200));
        server.createContext("/endless-404", exchange -> endless(exchange, 404));
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await();
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        stop.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Sends up to 50 MB, far above any cap here, unless the client hangs up first as it should. */
    private static void endless(HttpExchange exchange, int status) {
        long sent = 0;
        byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, 0);
            while (sent < ENDLESS) {
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException hungUp) {
            // the client closed the connection
        } finally {
            endlessSent.get(exchange.getRequestURI().getPath()).complete(sent);
        }
    }

    private static void await() {
        try {
            stop.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static HttpFetch.Answer fetch(HttpFetch fetch, Duration timeout) {
        return fetch.send(vertx, timeout, CAP).toCompletableFuture().join();
    }

    @Test
    void aCompleteAnswerHasItsStatusHeadersBodyAndTiming() {
        HttpFetch.Answer answer = fetch(HttpFetch.get(url("/small"), Map.of()), Duration.ofSeconds(5));

        assertNull(answer.failure());
        assertEquals(200, answer.status());
        assertEquals("\"v1\"", answer.headers().get("etag"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), answer.body());
        assertEquals(5, answer.received());
        assertFalse(answer.cut());
        assertNotNull(answer.responseTime());
        assertNull(answer.serverCertificate(), "plain http has no certificate");
        assertTrue(userAgents.contains("Rounds probe"), userAgents::toString);
    }

    @Test
    void aUserAgentOfTheCallerIsKept() {
        fetch(HttpFetch.get(url("/small"), Map.of("User-Agent", "Rounds feed probe")), Duration.ofSeconds(5));

        assertTrue(userAgents.contains("Rounds feed probe"), "sent alone: " + userAgents);
    }

    @Test
    void aBodyOverTheCapIsCutThereAndTheConnectionClosed() throws Exception {
        HttpFetch.Answer answer = fetch(HttpFetch.get(url("/endless"), Map.of()), Duration.ofSeconds(10));

        assertTrue(answer.cut());
        assertNull(answer.failure());
        assertEquals(CAP, answer.body().length);
        assertTrue(answer.received() > CAP && answer.received() <= CAP + 64 * 1024, "read " + answer.received());
        long sent = endlessSent.get("/endless").get(10, TimeUnit.SECONDS);
        assertTrue(sent < ENDLESS, "the server stopped sending after " + sent + " bytes");
    }

    @Test
    void keepingNoBodyStillCountsItAgainstTheCap() {
        HttpFetch.Answer answer = fetch(HttpFetch.get(url("/small"), Map.of()).keepingNoBody(), Duration.ofSeconds(5));

        assertEquals(0, answer.body().length);
        assertEquals(5, answer.received());
        assertFalse(answer.cut());
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutAwaitingTheResponse() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            URI uri = URI.create("http://127.0.0.1:" + silent.port() + "/metrics");
            long start = System.nanoTime();

            HttpFetch.Answer answer = fetch(HttpFetch.get(uri, Map.of()), Duration.ofMillis(500));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(
                    took.compareTo(Duration.ofMillis(450)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0,
                    took::toString);
            assertNull(answer.status());
            assertTrue(answer.failure().timedOut());
            assertEquals(HttpFetch.Stage.AWAITING_RESPONSE, answer.failure().stage());
            assertEquals(
                    "no response from 127.0.0.1:" + silent.port() + " within 500ms",
                    answer.failure().sentence("127.0.0.1:" + silent.port(), "body"));
            assertEquals(
                    "no response from http://127.0.0.1:" + silent.port() + "/metrics within 500ms",
                    answer.failure().about(uri));
        }
    }

    @Test
    void aBodyThatStopsComingIsATimeoutWhileReadingWithTheBytesRead() {
        HttpFetch.Answer answer = fetch(HttpFetch.get(url("/stalls"), Map.of()), Duration.ofMillis(500));

        assertEquals(200, answer.status());
        assertEquals(HttpFetch.Stage.READING_BODY, answer.failure().stage());
        assertEquals(1000, answer.failure().read());
        assertEquals(
                "answer from " + url("/stalls") + " not complete within 500ms (1000 bytes read)",
                answer.failure().about(url("/stalls")));
    }

    @Test
    void aRefusedConnectionSaysSoInPlainWords() throws IOException {
        int unused;
        try (ServerSocket free = new ServerSocket(0)) {
            unused = free.getLocalPort();
        }

        HttpFetch.Answer answer =
                fetch(HttpFetch.get(URI.create("http://127.0.0.1:" + unused + "/"), Map.of()), Duration.ofSeconds(5));

        assertFalse(answer.failure().timedOut());
        assertEquals(HttpFetch.Stage.CONNECTING, answer.failure().stage());
        assertEquals(
                "connection refused by 127.0.0.1:" + unused, answer.failure().sentence("anywhere", "body"));
    }

    @Test
    void aRedirectIsTheAnswerUnlessTheFetchFollowsIt() {
        HttpFetch.Answer redirect = fetch(HttpFetch.get(url("/moved"), Map.of()), Duration.ofSeconds(5));
        HttpFetch.Answer followed =
                fetch(HttpFetch.get(url("/moved"), Map.of()).followingRedirects(), Duration.ofSeconds(5));

        assertEquals(302, redirect.status());
        assertEquals("see /small", new String(redirect.body(), StandardCharsets.UTF_8));
        assertEquals(200, followed.status());
        assertEquals("hello", new String(followed.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aFollowedRedirectToAnEndlessBodyIsCutAndItsConnectionClosed() throws Exception {
        HttpFetch.Answer answer =
                fetch(HttpFetch.get(url("/moved-to-endless"), Map.of()).followingRedirects(), Duration.ofSeconds(10));

        assertTrue(answer.cut());
        long sent = endlessSent.get("/endless-after-redirect").get(10, TimeUnit.SECONDS);
        assertTrue(sent < ENDLESS, "the server stopped sending after " + sent + " bytes");
    }

    @Test
    void aStatusWhoseBodyIsNotWantedAnswersAtItsHead() throws Exception {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url("/endless-404").toString());

        HttpFetch.Answer answer =
                fetch(HttpFetch.of(request).readingBodyOnlyOf(status -> status == 200), Duration.ofSeconds(10));

        assertEquals(404, answer.status());
        assertNull(answer.failure());
        assertFalse(answer.cut());
        assertTrue(answer.received() < CAP, "read " + answer.received());
        long sent = endlessSent.get("/endless-404").get(10, TimeUnit.SECONDS);
        assertTrue(sent < ENDLESS, "the server stopped sending after " + sent + " bytes");
    }
}
