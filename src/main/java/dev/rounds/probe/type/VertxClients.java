package dev.rounds.probe.type;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;

/**
 * The network clients probes share, one set per Vert.x instance, created on first use. They live in the
 * instance's local shared data so that they go away with it.
 */
final class VertxClients {

    /** Probes to one host may all be in flight at once: the scheduler bounds concurrency, not the pool. */
    private static final int POOL_SIZE = 4096;

    private record Held(Object client) implements Shareable {
    }

    private VertxClients() {
    }

    /**
     * The HTTP client. Keep-alive is off so that every probe opens its own connection: a reused connection
     * would hide a server that no longer accepts new ones, and a cut body must close its connection anyway.
     */
    static HttpClient http(Vertx vertx) {
        return (HttpClient) shared(vertx, "http", () -> vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(false).setTryUseCompression(false))
                .with(new PoolOptions().setHttp1MaxSize(POOL_SIZE).setMaxWaitQueueSize(-1))
                .build());
    }

    /** A TCP client per connect timeout, because Vert.x 4 sets that timeout per client, not per connection. */
    static NetClient tcp(Vertx vertx, Duration connectTimeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        return (NetClient) shared(vertx, "tcp:" + millis,
                () -> vertx.createNetClient(new NetClientOptions().setConnectTimeout(millis)));
    }

    private static Object shared(Vertx vertx, String name, java.util.function.Supplier<Object> create) {
        var clients = vertx.sharedData().<String, Held>getLocalMap("rounds.probe.clients");
        Held held = clients.get(name);
        if (held != null) return held.client();
        synchronized (VertxClients.class) {
            return clients.computeIfAbsent(name, missing -> new Held(create.get())).client();
        }
    }
}
