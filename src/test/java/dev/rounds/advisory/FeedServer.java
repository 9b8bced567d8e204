package dev.rounds.advisory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for the feed tests: the fixtures under {@code /plain/} (no validators), a quiet
 * feed under any name below {@code /etag/} that honours {@code If-None-Match}, documents given by the test under {@code /doc/}, and a
 * 100 MB feed under {@code /huge} that is generated while it is sent.
 */
final class FeedServer {

    static final long HUGE = 100L * 1024 * 1024;
    static final String ETAG = "\"quiet-v1\"";
    static final String QUIET_RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Quiet</title>
            <item><title>Nothing of ours</title><guid>quiet-1</guid></item>
            <item><title>Still nothing of ours</title><guid>quiet-2</guid></item>
            </channel></rss>
            """;

    /** The If-None-Match header of every request to each conditional feed, by name; "-" when absent. */
    private final java.util.Map<String, List<String>> conditionalRequests =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** What the huge feed had sent when the client stopped reading. */
    final CompletableFuture<Long> hugeSent = new CompletableFuture<>();

    private final java.util.Map<String, String> documents = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpServer server;

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/plain/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/plain/".length());
            send(exchange, 200, Files.readAllBytes(FeedParserTest.FIXTURES.resolve(name)));
        });
        server.createContext("/etag/", exchange -> {
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalRequests(exchange.getRequestURI().getPath()).add(condition == null ? "-" : condition);
            exchange.getResponseHeaders().add("ETag", ETAG);
            if (ETAG.equals(condition)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            send(exchange, 200, QUIET_RSS.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/doc/", exchange -> {
            String doc = documents.get(exchange.getRequestURI().getPath());
            send(
                    exchange,
                    doc == null ? 404 : 200,
                    (doc == null ? "no such document" : doc).getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/huge", this::huge);
        server.start();
    }

    /** The If-None-Match headers the conditional feed at {@code path} received, in order. */
    List<String> conditionalRequests(String path) {
        return conditionalRequests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code text} at {@code /doc/name}. */
    String serve(String name, String text) {
        documents.put("/doc/" + name, text);
        return url("/doc/" + name);
    }

    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An endless-looking RSS feed: 100 MB of items, written chunk by chunk as the client reads. */
    private void huge(HttpExchange exchange) throws IOException {
        byte[] item = "<item><title>filler</title><guid>x</guid></item>\n"
                .repeat(1300)
                .getBytes(StandardCharsets.UTF_8);
        long sent = 0;
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] head = "<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8);
            out.write(head);
            sent += head.length;
            while (sent < HUGE) {
                out.write(item);
                sent += item.length;
            }
        } catch (IOException clientLeft) {
            // the probe closed the connection at its cap
        } finally {
            hugeSent.complete(sent);
        }
    }
}
