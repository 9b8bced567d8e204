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
import dev.rounds.probe.SetupNeed;
import dev.rounds.probe.type.PrometheusText.Sample;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code metrics}: CPU, disk, memory and network within bounds, read from a Prometheus text endpoint
 * ({@code url}, or {@code path} (default {@code /metrics}) on the target with {@code scheme}, {@code port}
 * (default: the address's, else 9100), {@code headers} and credentials as in {@link AuthHeader}). Setting {@code values} names the operands: each is a
 * {@link MetricFormula} such as {@code 1 - node_filesystem_avail_bytes{mountpoint="/"} /
 * node_filesystem_size_bytes{mountpoint="/"}}. {@code preset: node} adds node_exporter's {@link #NODE}
 * values. Values with {@code increase(...)} are read from two scrapes {@code window} apart (default 1s). Without
 * {@code expect} lines a value that cannot be computed is {@code down}.
 */
public final class MetricsProbe implements ProbeType {

    /** The node_exporter preset: fractions in percent, network counters as totals since boot. */
    static final Map<String, String> NODE = Map.of(
            "cpu_busy", "1 - increase(node_cpu_seconds_total{mode=\"idle\"}) / increase(node_cpu_seconds_total)",
            "disk_used",
                    "1 - node_filesystem_avail_bytes{mountpoint=\"/\"} / node_filesystem_size_bytes{mountpoint=\"/\"}",
            "memory_used", "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes",
            "network_receive_errors", "node_network_receive_errs_total{device!=\"lo\"}",
            "network_transmit_errors", "node_network_transmit_errs_total{device!=\"lo\"}",
            "network_receive_drops", "node_network_receive_drop_total{device!=\"lo\"}",
            "network_transmit_drops", "node_network_transmit_drop_total{device!=\"lo\"}");

    private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "metrics",
            Map.of(
                    "preset",
                    SettingKind.STRING,
                    "values",
                    SettingKind.STRING_MAP,
                    "url",
                    SettingKind.STRING,
                    "scheme",
                    SettingKind.STRING,
                    "port",
                    SettingKind.INTEGER,
                    "path",
                    SettingKind.STRING,
                    "headers",
                    SettingKind.STRING_MAP,
                    "window",
                    SettingKind.DURATION,
                    "auth_env",
                    SettingKind.STRING,
                    "auth_header",
                    SettingKind.STRING),
            Set.of(),
            Set.of(ProbeSchema.ANY_NAME));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        Map<String, MetricFormula> formulas;
        URI uri;
        try {
            formulas = formulas(spec);
            uri = Urls.of(spec, target, "/metrics", 9100);
        } catch (IllegalArgumentException misconfigured) {
            return CompletableFuture.completedFuture(Observation.misconfigured(misconfigured));
        }
        Duration timeout = spec.timeoutFor(target);
        Duration window = spec.setting("window", Duration.class, DEFAULT_WINDOW);
        boolean twice = formulas.values().stream().anyMatch(MetricFormula::comparesScrapes);
        if (twice && window.compareTo(timeout) >= 0) {
            return CompletableFuture.completedFuture(Observation.error("window " + Durations.format(window)
                    + " must be shorter than the timeout " + Durations.format(timeout) + " to scrape twice"));
        }
        var headers = new LinkedHashMap<String, String>();
        if (spec.settings().get("headers") instanceof Map<?, ?> extra) {
            extra.forEach((name, value) -> headers.put(String.valueOf(name), String.valueOf(value)));
        }
        String authEnv;
        try {
            authEnv = AuthHeader.addTo(headers, spec, context);
        } catch (IllegalArgumentException | IllegalStateException missing) {
            return CompletableFuture.completedFuture(Observation.misconfigured(missing));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        // On a fresh machine nothing listens on 9100 yet: say what would.
        String hint =
                "node".equals(spec.setting("preset", null)) && spec.settings().get("url") == null
                        ? "; is prometheus-node-exporter running there? (Debian: apt install prometheus-node-exporter)"
                        : "";
        Scraper scraper = new Scraper(context, uri, headers, hint, authEnv);
        CompletionStage<Scrape> first = scraper.scrape(timeout);
        if (!twice) return first.thenApply(only -> judged(spec, formulas, only, only, uri, null));
        return first.thenCompose(before -> {
                    if (before.failure() != null) return CompletableFuture.completedFuture(before);
                    var later = new CompletableFuture<Scrape>();
                    context.vertx()
                            .setTimer(
                                    Math.max(1, window.toMillis()),
                                    id -> scraper.scrape(
                                                    Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())))
                                            .whenComplete((after, impossible) -> later.complete(after)));
                    return later;
                })
                .thenCombine(first, (after, before) -> judged(spec, formulas, before, after, uri, window));
    }

    /** One scrape's samples, or why there are none. */
    private record Scrape(List<Sample> samples, String failure, SetupNeed setup) {}

    /** GETs and parses the page. */
    private record Scraper(ProbeContext context, URI uri, Map<String, String> headers, String hint, String authEnv) {

        CompletionStage<Scrape> scrape(Duration left) {
            return HttpFetch.get(uri, headers)
                    .send(context.vertx(), left, context.maxBytes())
                    .thenApply(answer -> {
                        String where = HttpFetch.shown(uri);
                        if (answer.failure() != null) {
                            return new Scrape(
                                    List.of(),
                                    answer.failure().about(uri) + (answer.status() == null ? hint : ""),
                                    hint.isEmpty() || answer.failure().setupNeed() == null
                                            ? answer.failure().setupNeed()
                                            : SetupNeed.service("install and start prometheus-node-exporter on "
                                                    + uri.getHost() + " (Debian: apt install"
                                                    + " prometheus-node-exporter), or give the probe its url"));
                        }
                        if (answer.status() >= 400) {
                            return failed("HTTP " + answer.status() + " from " + where
                                    + AuthHeader.hint(answer.status(), authEnv));
                        }
                        if (answer.cut()) {
                            return failed("metrics from " + where + " are larger than the read cap of "
                                    + context.maxBytes() + " bytes; raise rounds.probe.max-bytes to read more");
                        }
                        try {
                            List<Sample> samples =
                                    PrometheusText.parse(new String(answer.body(), StandardCharsets.UTF_8));
                            return new Scrape(samples, null, null);
                        } catch (IllegalArgumentException malformed) {
                            return failed("metrics from " + where + " are not in the Prometheus text format: "
                                    + malformed.getMessage());
                        }
                    });
        }

        private static Scrape failed(String why) {
            return new Scrape(List.of(), why, null);
        }
    }

    /** The preset's formulas with the probe's own {@code values} over them; conditions must name one of them. */
    private static Map<String, MetricFormula> formulas(ProbeSpec spec) {
        Map<String, String> texts = new LinkedHashMap<>();
        String preset = spec.setting("preset", null);
        if (preset != null) {
            if (!preset.equals("node")) throw new IllegalArgumentException("preset must be node, got '" + preset + "'");
            new TreeMap<>(NODE).forEach(texts::put);
        }
        if (spec.settings().get("values") instanceof Map<?, ?> own) {
            own.forEach((name, text) -> texts.put(String.valueOf(name), String.valueOf(text)));
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("set 'values' (name: selector, e.g. load: node_load1) or preset: node");
        }
        Map<String, MetricFormula> formulas = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            try {
                formulas.put(name, MetricFormula.parse(text));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("value '" + name + "' (" + text + "): " + bad.getMessage());
            }
        });
        for (Condition condition : spec.expect()) {
            if (!formulas.containsKey(condition.operand().name())) {
                throw new IllegalArgumentException(
                        "expect names '" + condition.operand().name() + "', which is not one of this probe's values: "
                                + String.join(", ", new TreeSet<>(formulas.keySet())));
            }
        }
        return formulas;
    }

    private static Observation judged(
            ProbeSpec spec, Map<String, MetricFormula> formulas, Scrape before, Scrape now, URI uri, Duration window) {
        if (before.failure() != null)
            return Observation.down(Map.of(), before.failure()).needing(before.setup());
        if (now.failure() != null)
            return Observation.down(Map.of(), now.failure()).needing(now.setup());
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        formulas.forEach((name, formula) -> {
            try {
                values.put(name, rounded(formula.evaluate(before.samples(), now.samples())));
            } catch (IllegalArgumentException cannot) {
                missing.add(name + ": " + cannot.getMessage());
            }
        });
        String summary = values.size() + " values from " + HttpFetch.shown(uri)
                + (window == null ? "" : " (increase over " + Durations.format(window) + ")")
                + (missing.isEmpty() ? "" : "; " + String.join("; ", missing));
        if (!missing.isEmpty() && spec.expect().isEmpty()) return Observation.down(values, summary);
        return Observation.measured(values, summary);
    }

    /** Twelve significant digits: enough for any threshold, and free of binary noise such as 30.000000000000004. */
    private static double rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return value;
        return new BigDecimal(value).round(new MathContext(12)).doubleValue();
    }
}
