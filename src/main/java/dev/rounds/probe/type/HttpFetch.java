package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import dev.rounds.probe.SetupNeed;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one bounded HTTP exchange: every probe that reads over HTTP (http, backlog, metrics, feed) sends its request
 * through it. Without blocking, it completes exactly once, with whichever comes first of the response's end, a
 * failure, the byte cap and the timeout; the stage never fails, the {@link Answer} says what went wrong. Past the cap
 * or the timeout it closes the connection, the only way to stop an HTTP/1.1 server that keeps sending. A redirect is
 * an answer unless the fetch is {@link #followingRedirects()}. Instances are immutable: each option returns a copy.
 */
public final class HttpFetch {

    /** How far an exchange had come when it stopped without a complete answer. */
    public enum Stage {
        /** No connection yet. */
        CONNECTING,
        /** Connected, the response's head not yet in. */
        AWAITING_RESPONSE,
        /** The head was in, the body was not complete. */
        READING_BODY
    }

    /**
     * Why there is no complete answer.
     *
     * @param cause what the network threw, or {@code null} when the timeout passed first
     * @param host where the request went, for sentences such as {@code connection refused by host:port}
     * @param read the body's bytes received when it stopped
     */
    public record Failure(Stage stage, Throwable cause, Duration timeout, String host, int port, long read) {

        public boolean timedOut() {
            return cause == null;
        }

        /**
         * The sentence the probes use, naming the place as {@code where}: e.g. {@code no response from db01:8080
         * within 5s}, {@code connection reset by db01:8080}, or for a body that stopped coming within the timeout
         * {@code <reading> from <where> not complete within 5s (1024 bytes read)}. A network failure while reading
         * the body is said without where or how far: callers word that part their own way.
         */
        public String sentence(String where, String reading) {
            if (!timedOut()) return Failures.describe(cause, host, port, timeout);
            String within = " within " + Durations.format(timeout);
            return switch (stage) {
                case CONNECTING -> "could not connect to " + where + within;
                case AWAITING_RESPONSE -> "no response from " + where + within;
                case READING_BODY ->
                    reading + " from " + where + " not complete" + within + " (" + read + " bytes read)";
            };
        }

        /** What Rounds may lack for this failure (a name that does not resolve, nothing listening yet), or null. */
        public SetupNeed setupNeed() {
            return timedOut() ? null : Failures.setupNeed(cause, host, port);
        }

        /** The sentence for a fetch of {@code uri} by an API probe (backlog, metrics), naming it as {@link #shown}. */
        public String about(URI uri) {
            String why = sentence(shown(uri), "answer");
            return timedOut() || stage != Stage.READING_BODY ? why : "answer from " + shown(uri) + " broke off: " + why;
        }
    }

    /**
     * What came back.
     *
     * @param status the HTTP status, or {@code null} when no response head came
     * @param statusMessage the status line's reason phrase, or {@code null}
     * @param headers the response's headers, empty when no response head came
     * @param responseTime from sending (connecting included) until the response head arrived, or {@code null}
     * @param serverCertificate the server's own certificate over https, else {@code null}
     * @param body what was kept of the body: at most the cap, nothing when the fetch keeps no body
     * @param received how many bytes of the body were read, the chunk that passed the cap included
     * @param cut whether the body was longer than the cap (reading stopped there)
     * @param failure why the answer is not complete, or {@code null}
     */
    public record Answer(
            Integer status,
            String statusMessage,
            MultiMap headers,
            Duration responseTime,
            X509Certificate serverCertificate,
            byte[] body,
            long received,
            boolean cut,
            Failure failure) {}

    private final RequestOptions request;
    private final boolean followRedirects;
    private final boolean trustAnyCertificate;
    private final boolean keepBody;
    private final IntPredicate bodyWanted;

    private HttpFetch(
            RequestOptions request,
            boolean followRedirects,
            boolean trustAnyCertificate,
            boolean keepBody,
            IntPredicate bodyWanted) {
        this.request = request;
        this.followRedirects = followRedirects;
        this.trustAnyCertificate = trustAnyCertificate;
        this.keepBody = keepBody;
        this.bodyWanted = bodyWanted;
    }

    /**
     * A request the caller set up: method, host, port, path, headers, proxy. The fetch adds its timeouts and a
     * {@code User-Agent} unless the request has one.
     */
    public static HttpFetch of(RequestOptions request) {
        return new HttpFetch(new RequestOptions(request), false, false, true, status -> true);
    }

    /** A GET of an absolute http or https URL with the given extra headers. */
    public static HttpFetch get(URI uri, Map<String, String> headers) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(host(uri))
                .setPort(port(uri))
                .setSsl("https".equalsIgnoreCase(uri.getScheme()))
                .setURI(target);
        headers.forEach(request::putHeader);
        return of(request);
    }

    /** The URL as the messages show it: without a query, which may be long or carry a filter nobody needs to read. */
    public static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** The same fetch, following redirects (up to Vert.x's limit of 16) to the answer at their end. */
    public HttpFetch followingRedirects() {
        return new HttpFetch(request, true, trustAnyCertificate, keepBody, bodyWanted);
    }

    /** The same fetch, accepting any server certificate and host name (a probe's {@code verify: false}). */
    public HttpFetch trustingAnyCertificate() {
        return new HttpFetch(request, followRedirects, true, keepBody, bodyWanted);
    }

    /** The same fetch, counting the body's bytes against the cap without keeping them. */
    public HttpFetch keepingNoBody() {
        return new HttpFetch(request, followRedirects, trustAnyCertificate, false, bodyWanted);
    }

    /**
     * The same fetch, reading the body only of a response whose status passes {@code wanted}; any other answers at
     * its head, and its connection is closed.
     */
    public HttpFetch readingBodyOnlyOf(IntPredicate wanted) {
        return new HttpFetch(request, followRedirects, trustAnyCertificate, keepBody, wanted);
    }

    /** Sends the request: {@code timeout} bounds the whole exchange, {@code maxBytes} the body. */
    public CompletionStage<Answer> send(Vertx vertx, Duration timeout, long maxBytes) {
        RequestOptions options = new RequestOptions(request)
                .setFollowRedirects(followRedirects)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        if (options.getHeaders() == null || !options.getHeaders().contains("User-Agent")) {
            options.putHeader("User-Agent", "Rounds probe");
        }
        HttpClient client;
        Runnable release = () -> {};
        if (followRedirects) {
            // Vert.x sends the redirected requests itself, out of the exchange's reach: only closing a client of
            // the fetch's own ends them at the cap or the timeout.
            HttpClient own = VertxClients.unshared(vertx, trustAnyCertificate);
            client = own;
            release = own::close;
        } else {
            client = trustAnyCertificate ? VertxClients.httpsUnverified(vertx) : VertxClients.http(vertx);
        }
        return new Exchange(vertx, options, timeout, maxBytes).start(client, release);
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** One request and its response, completed exactly once by whichever comes first: end, failure, cap or timer. */
    private final class Exchange {

        private final Vertx vertx;
        private final RequestOptions options;
        private final Duration timeout;
        private final long maxBytes;
        private final CompletableFuture<Answer> done = new CompletableFuture<>();
        private final Buffer kept = Buffer.buffer();
        private final long startNanos = System.nanoTime();
        private volatile HttpClientRequest request;
        private volatile HttpClientResponse response;
        private volatile Duration responseTime;
        private volatile X509Certificate certificate;
        private volatile long received;

        Exchange(Vertx vertx, RequestOptions options, Duration timeout, long maxBytes) {
            this.vertx = vertx;
            this.options = options;
            this.timeout = timeout;
            this.maxBytes = maxBytes;
        }

        CompletionStage<Answer> start(HttpClient client, Runnable release) {
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut());
            done.whenComplete((answer, impossible) -> {
                vertx.cancelTimer(timer);
                release.run();
            });
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    failed(Stage.CONNECTING, opened.cause());
                    return;
                }
                request = opened.result();
                if (done.isDone()) {
                    request.reset();
                    return;
                }
                request.send().onComplete(sent -> {
                    if (sent.failed()) {
                        failed(Stage.AWAITING_RESPONSE, sent.cause());
                        return;
                    }
                    respond(sent.result());
                });
            });
            return done;
        }

        private void respond(HttpClientResponse head) {
            responseTime = Duration.ofNanos(System.nanoTime() - startNanos);
            certificate = serverCertificate(head.request());
            response = head;
            if (!bodyWanted.test(head.statusCode())) {
                head.exceptionHandler(closedByUs -> {});
                if (done.complete(answer(false, null))) head.request().reset();
                return;
            }
            head.handler(this::read);
            head.exceptionHandler(failure -> failed(Stage.READING_BODY, failure));
            head.endHandler(end -> done.complete(answer(false, null)));
        }

        private void read(Buffer chunk) {
            if (done.isDone()) return;
            long before = received;
            received = before + chunk.length();
            if (keepBody && before < maxBytes) {
                kept.appendBuffer(chunk, 0, (int) Math.min(chunk.length(), maxBytes - before));
            }
            if (received > maxBytes && done.complete(answer(true, null)))
                response.request().reset();
        }

        private void failed(Stage stage, Throwable failure) {
            if (done.isDone()) return;
            done.complete(answer(false, failure(stage, failure)));
        }

        private void timedOut() {
            if (done.isDone()) return;
            HttpClientResponse head = response;
            HttpClientRequest open = head != null ? head.request() : request;
            Stage stage = open == null ? Stage.CONNECTING : head == null ? Stage.AWAITING_RESPONSE : Stage.READING_BODY;
            if (done.complete(answer(false, failure(stage, null))) && open != null) open.reset();
        }

        private Failure failure(Stage stage, Throwable cause) {
            Integer port = options.getPort();
            return new Failure(
                    stage,
                    cause,
                    timeout,
                    options.getHost(),
                    port == null || port < 0 ? Boolean.TRUE.equals(options.isSsl()) ? 443 : 80 : port,
                    received);
        }

        private Answer answer(boolean cut, Failure failure) {
            HttpClientResponse head = response;
            return new Answer(
                    head == null ? null : head.statusCode(),
                    head == null ? null : head.statusMessage(),
                    head == null ? MultiMap.caseInsensitiveMultiMap() : head.headers(),
                    responseTime,
                    certificate,
                    kept.getBytes(),
                    received,
                    cut,
                    failure);
        }
    }

    /** The leaf of the server's chain over https, else {@code null}. */
    private static X509Certificate serverCertificate(HttpClientRequest sent) {
        if (!sent.connection().isSsl()) return null;
        List<Certificate> chain;
        try {
            chain = sent.connection().peerCertificates();
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
        return !chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf ? leaf : null;
    }
}
