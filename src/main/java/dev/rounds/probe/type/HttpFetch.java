package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One GET of a document that a probe reads whole (an API answer, a metrics page), without blocking: bounded by
 * the timeout and by the byte cap. The stage never fails; what went wrong is a sentence about the URL.
 */
final class HttpFetch {

    /**
     * What came back.
     *
     * @param status the HTTP status, or {@code null} when there was no response
     * @param body what was read, at most the cap
     * @param cut whether the body was longer than the cap (reading stopped there)
     * @param failure why there is no complete answer, or {@code null}
     */
    record Answer(Integer status, byte[] body, boolean cut, String failure) {
    }

    private final Vertx vertx;
    private final URI uri;
    private final Duration timeout;
    private final long maxBytes;
    private final CompletableFuture<Answer> done = new CompletableFuture<>();
    private final Buffer kept = Buffer.buffer();
    private volatile HttpClientRequest request;
    private volatile Integer status;

    private HttpFetch(Vertx vertx, URI uri, Duration timeout, long maxBytes) {
        this.vertx = vertx;
        this.uri = uri;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** GETs an absolute http or https URL with the given extra headers. */
    static CompletionStage<Answer> get(Vertx vertx, URI uri, Map<String, String> headers, Duration timeout,
            long maxBytes) {
        return new HttpFetch(vertx, uri, timeout, maxBytes).start(headers);
    }

    /** The URL as the messages show it: without a query, which may be long or carry a filter nobody needs to read. */
    static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private CompletionStage<Answer> start(Map<String, String> headers) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host()).setPort(port)
                .setSsl(https).setURI(target).setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                .addHeader("User-Agent", "Rounds probe");
        headers.forEach(options::putHeader);
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut());
        done.whenComplete((answer, impossible) -> vertx.cancelTimer(timer));
        VertxClients.http(vertx).request(options).onComplete(opened -> {
            if (opened.failed()) {
                failed(opened.cause(), port);
                return;
            }
            request = opened.result();
            if (done.isDone()) {
                request.reset();
                return;
            }
            request.send().onComplete(sent -> {
                if (sent.failed()) {
                    failed(sent.cause(), port);
                    return;
                }
                status = sent.result().statusCode();
                sent.result().handler(this::read);
                sent.result().exceptionHandler(failure -> failed(failure, port));
                sent.result().endHandler(end -> done.complete(new Answer(status, kept.getBytes(), false, null)));
            });
        });
        return done;
    }

    private String host() {
        String host = uri.getHost();
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private void read(Buffer chunk) {
        if (done.isDone()) return;
        long room = maxBytes - kept.length();
        if (chunk.length() <= room) {
            kept.appendBuffer(chunk);
            return;
        }
        kept.appendBuffer(chunk, 0, (int) room);
        done.complete(new Answer(status, kept.getBytes(), true, null));
        // Closing the connection is the only way to stop an HTTP/1.1 server that keeps sending.
        request.reset();
    }

    private void failed(Throwable failure, int port) {
        if (done.isDone()) return;
        String why = Failures.describe(failure, host(), port, timeout);
        done.complete(new Answer(status, kept.getBytes(), false,
                status == null ? why : "answer from " + shown(uri) + " broke off: " + why));
    }

    private void timedOut() {
        if (done.isDone()) return;
        String within = " within " + Durations.format(timeout);
        HttpClientRequest open = request;
        String why = open == null ? "could not connect to " + shown(uri) + within
                : status == null ? "no response from " + shown(uri) + within
                : "answer from " + shown(uri) + " not complete" + within + " (" + kept.length() + " bytes read)";
        if (done.complete(new Answer(status, kept.getBytes(), false, why)) && open != null) open.reset();
    }
}
