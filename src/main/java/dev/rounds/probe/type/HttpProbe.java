package dev.rounds.probe.type;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "http",
            Map.of(
                    "scheme",
                    SettingKind.STRING,
                    "port",
                    SettingKind.INTEGER,
                    "path",
                    SettingKind.STRING,
                    "method",
                    SettingKind.STRING,
                    "headers",
                    SettingKind.STRING_MAP,
                    "verify",
                    SettingKind.BOOLEAN),
            Set.of(),
            Set.of("status", "response_time", "body", "body_size", "json()", "cert_expiry"));

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
            return CompletableFuture.completedFuture(Observation.error(
                    "method must be an HTTP method such as GET or HEAD, got '" + spec.setting("method", "GET") + "'"));
        }
        Address address = Address.parse(target.address());
        boolean https = scheme.equals("https");
        int port = address.port(spec.settings().get("port"), https ? 443 : 80);
        String path = spec.setting("path", "/");
        Duration timeout = spec.timeoutFor(target);
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(address.host())
                .setPort(port)
                .setSsl(https)
                .setURI(path.startsWith("/") ? path : "/" + path);
        if (spec.settings().get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> options.putHeader(String.valueOf(name), String.valueOf(value)));
        }
        boolean verify = spec.setting("verify", Boolean.class, true);
        boolean keepBody = spec.expect().stream()
                .map(c -> c.operand().name())
                .anyMatch(name -> name.equals("body") || name.equals("json"));
        HttpFetch fetch = HttpFetch.of(options);
        if (https && !verify) fetch = fetch.trustingAnyCertificate();
        if (!keepBody) fetch = fetch.keepingNoBody();
        var judge = new Judge(spec, context, address.host(), port, keepBody);
        return fetch.send(context.vertx(), timeout, context.maxBytes()).thenApply(judge::observed);
    }

    /** What one answer amounts to. */
    private record Judge(ProbeSpec spec, ProbeContext context, String host, int port, boolean keepBody) {

        Observation observed(HttpFetch.Answer answer) {
            String where = Address.hostPort(host, port);
            if (answer.cut()) {
                // Over the cap is the target's fault (DESIGN: "exceeded a cap"), whatever the conditions would say.
                return Observation.down(
                        measured(answer),
                        "body from " + where + " (HTTP " + answer.status()
                                + ") is larger than the read cap of " + context.maxBytes() + " bytes; raise "
                                + "rounds.probe.max-bytes to read more");
            }
            HttpFetch.Failure failure = answer.failure();
            if (failure == null) return judged(answer);
            String why = failure.sentence(where, "body");
            if (failure.stage() != HttpFetch.Stage.READING_BODY) {
                return Observation.down(Map.of(), why).needing(failure.setupNeed());
            }
            return Observation.down(
                    measured(answer),
                    failure.timedOut()
                            ? why
                            : "response from " + where + " broke off after " + answer.received() + " bytes: " + why);
        }

        private Map<String, Object> measured(HttpFetch.Answer answer) {
            var values = new LinkedHashMap<String, Object>();
            values.put("status", answer.status());
            values.put("response_time", answer.responseTime());
            values.put("body_size", answer.received());
            if (answer.serverCertificate() != null) {
                values.put(
                        "cert_expiry",
                        Duration.between(
                                context.clock().instant(),
                                answer.serverCertificate().getNotAfter().toInstant()));
            }
            return values;
        }

        /** The measurements of a response read to its end. */
        private Observation judged(HttpFetch.Answer answer) {
            try {
                return measurements(answer);
            } catch (IllegalArgumentException badPath) {
                return Observation.error(badPath.getMessage());
            }
        }

        private Observation measurements(HttpFetch.Answer answer) {
            Map<String, Object> values = measured(answer);
            String summary = "HTTP " + answer.status() + " from " + Address.hostPort(host, port) + " in "
                    + Durations.format(answer.responseTime());
            if (keepBody) {
                byte[] bytes = answer.body();
                values.put("body", new String(bytes, StandardCharsets.UTF_8));
                String unreadable = readJson(bytes, values);
                if (unreadable != null) summary += "; " + unreadable;
            }
            if (spec.expect().isEmpty() && answer.status() >= 400) {
                return Observation.down(values, summary);
            }
            return Observation.measured(values, summary);
        }

        /** Adds every {@code json(...)} operand the conditions ask for; says why if the body is not JSON. */
        private String readJson(byte[] body, Map<String, Object> values) {
            var paths = spec.expect().stream()
                    .map(Condition::operand)
                    .filter(operand -> operand.name().equals("json"))
                    .toList();
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
