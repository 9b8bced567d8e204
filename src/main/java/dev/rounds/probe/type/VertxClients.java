package dev.rounds.probe.type;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.shareddata.Shareable;

/**
 * The HTTP client probes share, one per Vert.x instance, created on first use. It lives in the instance's
 * local shared data so that it goes away with it.
 */
final class VertxClients {

    /** Probes to one host may all be in flight at once: the scheduler bounds concurrency, not the pool. */
    private static final int POOL_SIZE = 4096;

    private record Held(Object client) implements Shareable {}

    private VertxClients() {}

    /**
     * The HTTP client. Keep-alive is off so that every probe opens its own connection: a reused connection
     * would hide a server that no longer accepts new ones, and a cut body must close its connection anyway.
     */
    static HttpClient http(Vertx vertx) {
        return (HttpClient) shared(vertx, "http", () -> build(vertx, false));
    }

    /**
     * The HTTP client for {@code verify: false}: it accepts any server certificate and host name, so that a probe
     * can still measure a self-signed or misnamed server. Otherwise like {@link #http}.
     */
    static HttpClient httpsUnverified(Vertx vertx) {
        return (HttpClient) shared(vertx, "https-unverified", () -> build(vertx, true));
    }

    /** A client like the shared ones for one fetch alone, which closes it when done. */
    static HttpClient unshared(Vertx vertx, boolean trustAnyCertificate) {
        return build(vertx, trustAnyCertificate);
    }

    private static HttpClient build(Vertx vertx, boolean trustAnyCertificate) {
        var options = new HttpClientOptions().setKeepAlive(false).setTryUseCompression(false);
        if (trustAnyCertificate) options.setTrustAll(true).setVerifyHost(false);
        return vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions().setHttp1MaxSize(POOL_SIZE).setMaxWaitQueueSize(-1))
                .withConnectHandler(VertxClients::quiet)
                .build();
    }

    /**
     * A connection without an exception handler has Vert.x log every failure on it as an ERROR
     * ({@code io.vertx.core.net.impl.ConnectionBase}): a target that resets would add one per probe run. The
     * request's and response's own handlers still see the failure, and the probe's result says it.
     */
    static void quiet(HttpConnection connection) {
        connection.exceptionHandler(reportedByTheProbe -> {});
    }

    private static Object shared(Vertx vertx, String name, java.util.function.Supplier<Object> create) {
        var clients = vertx.sharedData().<String, Held>getLocalMap("rounds.probe.clients");
        Held held = clients.get(name);
        if (held != null) return held.client();
        synchronized (VertxClients.class) {
            return clients.computeIfAbsent(name, missing -> new Held(create.get()))
                    .client();
        }
    }
}
