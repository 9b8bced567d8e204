package dev.rounds.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback that records every POST and answers 200, unless a test scripted other answers for
 * bodies that contain a given text (its event's key): a status, or {@link #HANG} for no answer at all.
 */
final class RecordingWebhooks {

    static final int HANG = -1;

    record Request(String path, String body) {}

    private static RecordingWebhooks running;

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private RecordingWebhooks() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The one server of the test JVM, started at first use, so that the test profile can name its port. */
    static synchronized RecordingWebhooks get() {
        if (running == null) {
            try {
                running = new RecordingWebhooks();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The answers, in order, to requests whose body contains the text; after them, 200. */
    void script(String bodyContains, Integer... answers) {
        scripts.put(bodyContains, new ArrayDeque<>(List.of(answers)));
    }

    /**
     * The requests to the path whose body names the event key, in arrival order. A key is matched where a JSON
     * string ends with it, so that {@code incident-opened:5} does not match {@code incident-opened:51}.
     */
    synchronized List<String> bodies(String path, String key) {
        return requests.stream()
                .filter(r -> r.path().equals(path) && r.body().contains(key + "\""))
                .map(Request::body)
                .toList();
    }

    /** Requests whose body names the event key, on any path. */
    synchronized long count(String key) {
        return requests.stream().filter(r -> r.body().contains(key + "\"")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            requests.add(new Request(exchange.getRequestURI().getPath(), body));
        }
        int status = 200;
        for (Map.Entry<String, Deque<Integer>> script : scripts.entrySet()) {
            if (body.contains(script.getKey())) {
                Integer next = script.getValue().poll();
                if (next != null) status = next;
            }
        }
        if (status == HANG) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
