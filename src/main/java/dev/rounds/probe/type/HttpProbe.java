package dev.rounds.probe.type;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.checklist.Durations;
import dev.rounds.probe.ProbeType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * {@code http}: a service answers. Settings {@code scheme} (http or https), {@code port} (default: the target
 * address's, else 80/443), {@code path} (default {@code /}), {@code method} (default GET) and {@code headers}.
 * Operands: {@code status}, {@code response_time} (until the response headers arrived, connecting included),
 * {@code body} (UTF-8, at most the context's byte cap), {@code body_size} (bytes read), {@code json($.a[0].b)}
 * (JSONPath, see {@link JsonPaths}) and, over https, {@code cert_expiry} (time from the probe's clock to the server
 * certificate's notAfter). Setting {@code verify} (default true) checks the server's certificate against the JVM's
 * trust store and its host name; {@code verify: false} accepts any certificate, so that a self-signed server can
 * still be watched for expiry.
 * Without {@code expect} lines a status of 400 or more is {@code down}; a body longer than the byte cap is
 * {@code down} whatever the conditions say.
 */
public final class HttpProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema("http",
            Map.of("scheme", SettingKind.STRING, "port", SettingKind.INTEGER, "path", SettingKind.STRING,
                    "method", SettingKind.STRING, "headers", SettingKind.STRING_MAP, "verify", SettingKind.BOOLEAN),
            Set.of(), Set.of("status", "response_time", "body", "body_size", "json()", "cert_expiry"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        String scheme = spec.setting("scheme", "http").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return CompletableFuture.completedFuture(
                    Observation.error("scheme must be http or https, got '" + scheme + "'"));
        }
        HttpMethod method;
        try {
            method = HttpMethod.valueOf(spec.setting("method", "GET").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return CompletableFuture.completedFuture(
                    Observation.error("method must be an HTTP method such as GET or HEAD, got '"
                            + spec.setting("method", "GET") + "'"));
        }
        Address address = Address.parse(target.address());
        boolean https = scheme.equals("https");
        int port = address.port(spec.settings().get("port"), https ? 443 : 80);
        String path = spec.setting("path", "/");
        Duration timeout = spec.timeoutFor(target);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(address.host()).setPort(port)
                .setSsl(https).setURI(path.startsWith("/") ? path : "/" + path)
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                .addHeader("User-Agent", "Rounds probe");
        if (spec.settings().get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> options.putHeader(String.valueOf(name), String.valueOf(value)));
        }
        boolean verify = spec.setting("verify", Boolean.class, true);
        HttpClient client = https && !verify ? VertxClients.httpsUnverified(context.vertx())
                : VertxClients.http(context.vertx());
        return new Exchange(spec, context, address.host(), port, timeout).start(client, options);
    }

    /** One request and its response, completed exactly once by whichever comes first: end, failure, cap or timer. */
    private static final class Exchange {

        private final ProbeSpec spec;
        private final Vertx vertx;
        private final Clock clock;
        private final long maxBytes;
        private final String host;
        private final int port;
        private final Duration timeout;
        private final boolean keepBody;
        private final CompletableFuture<Observation> done = new CompletableFuture<>();
        private final long startNanos = System.nanoTime();
        private volatile HttpClientRequest request;
        private volatile Integer status;
        private volatile Duration responseTime;
        private volatile Duration certExpiry;
        private volatile long received;
        private final Buffer kept = Buffer.buffer();

        Exchange(ProbeSpec spec, ProbeContext context, String host, int port, Duration timeout) {
            this.spec = spec;
            this.vertx = context.vertx();
            this.clock = context.clock();
            this.maxBytes = context.maxBytes();
            this.host = host;
            this.port = port;
            this.timeout = timeout;
            this.keepBody = spec.expect().stream().map(c -> c.operand().name())
                    .anyMatch(name -> name.equals("body") || name.equals("json"));
        }

        CompletionStage<Observation> start(HttpClient client, RequestOptions options) {
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut());
            done.whenComplete((observation, failure) -> vertx.cancelTimer(timer));
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    failed(opened.cause());
                    return;
                }
                request = opened.result();
                if (done.isDone()) {
                    request.reset();
                    return;
                }
                request.send().onComplete(sent -> {
                    if (sent.failed()) {
                        failed(sent.cause());
                        return;
                    }
                    HttpClientResponse response = sent.result();
                    responseTime = Duration.ofNanos(System.nanoTime() - startNanos);
                    certExpiry = certificateExpiry(request);
                    status = response.statusCode();
                    response.handler(this::read);
                    response.exceptionHandler(this::failed);
                    response.endHandler(end -> done.complete(judged()));
                });
            });
            return done;
        }

        private void read(Buffer chunk) {
            if (done.isDone()) return;
            long before = received;
            received = before + chunk.length();
            if (keepBody && before < maxBytes) {
                kept.appendBuffer(chunk, 0, (int) Math.min(chunk.length(), maxBytes - before));
            }
            if (received > maxBytes) {
                // Over the cap is the target's fault (DESIGN: "exceeded a cap"), whatever the conditions would say.
                done.complete(Observation.down(measured(), "body from " + Address.hostPort(host, port) + " (HTTP "
                        + status + ") is larger than the read cap of " + maxBytes + " bytes; raise "
                        + "rounds.probe.max-bytes to read more"));
                // Closing the connection is the only way to stop an HTTP/1.1 server that keeps sending.
                request.reset();
            }
        }

        private void failed(Throwable failure) {
            if (done.isDone()) return;
            String where = Address.hostPort(host, port);
            if (status != null) {
                done.complete(Observation.down(measured(), "response from " + where + " broke off after "
                        + received + " bytes: " + Failures.describe(failure, host, port, timeout)));
            } else {
                done.complete(Observation.down(Map.of(), Failures.describe(failure, host, port, timeout)));
            }
        }

        private void timedOut() {
            if (done.isDone()) return;
            String where = Address.hostPort(host, port);
            String within = " within " + Durations.format(timeout);
            HttpClientRequest open = request;
            Observation observation;
            if (open == null) {
                observation = Observation.down(Map.of(), "could not connect to " + where + within);
            } else if (status == null) {
                observation = Observation.down(Map.of(), "no response from " + where + within);
            } else {
                observation = Observation.down(measured(), "body from " + where + " not complete" + within
                        + " (" + received + " bytes read)");
            }
            if (done.complete(observation) && open != null) open.reset();
        }

        private Map<String, Object> measured() {
            var values = new LinkedHashMap<String, Object>();
            values.put("status", status);
            values.put("response_time", responseTime);
            values.put("body_size", received);
            if (certExpiry != null) values.put("cert_expiry", certExpiry);
            return values;
        }

        /** Time until the server certificate's notAfter, or {@code null} over plain http. */
        private Duration certificateExpiry(HttpClientRequest sent) {
            if (!sent.connection().isSsl()) return null;
            List<Certificate> chain;
            try {
                chain = sent.connection().peerCertificates();
            } catch (SSLPeerUnverifiedException none) {
                return null;
            }
            if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) return null;
            return Duration.between(clock.instant(), leaf.getNotAfter().toInstant());
        }

        /** The measurements of a response read to its end. */
        private Observation judged() {
            try {
                return measurements();
            } catch (IllegalArgumentException badPath) {
                return Observation.error(badPath.getMessage());
            }
        }

        private Observation measurements() {
            Map<String, Object> values = measured();
            String summary = "HTTP " + status + " from " + Address.hostPort(host, port) + " in "
                    + Durations.format(responseTime);
            if (keepBody) {
                byte[] bytes = kept.getBytes();
                values.put("body", new String(bytes, StandardCharsets.UTF_8));
                String unreadable = readJson(bytes, values);
                if (unreadable != null) summary += "; " + unreadable;
            }
            if (spec.expect().isEmpty() && status >= 400) {
                return Observation.down(values, summary);
            }
            return Observation.measured(values, summary);
        }

        /** Adds every {@code json(...)} operand the conditions ask for; says why if the body is not JSON. */
        private String readJson(byte[] body, Map<String, Object> values) {
            var paths = spec.expect().stream().map(Condition::operand)
                    .filter(operand -> operand.name().equals("json")).toList();
            if (paths.isEmpty()) return null;
            Object document;
            try {
                document = JsonPaths.parse(body);
            } catch (IllegalArgumentException notJson) {
                return "body is " + notJson.getMessage();
            }
            for (var operand : paths) {
                Object value = JsonPaths.read(document, JsonPaths.compile(operand.argument()));
                if (value != null) values.put(operand.key(), value);
            }
            return null;
        }
    }
}
