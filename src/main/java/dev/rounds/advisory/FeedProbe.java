package dev.rounds.advisory;

import dev.rounds.advisory.AdvisoryInbox.Receipt;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import dev.rounds.probe.SetupNeed;
import dev.rounds.probe.type.HttpFetch;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code feed}: security news was pulled and matched. Fetches the RSS 2.0, Atom 1.0, CISA KEV or NVD CVE API 2.0
 * document at {@code url} with a conditional GET, and stores the advisories that match the inventory's software
 * through the {@link AdvisoryInbox}. The probe's target is the inventory entry for the server that publishes the
 * feed: the url's host must be that target's address. Operands {@code fetched}, {@code items}, {@code new_matches}
 * and {@code matches}; a feed that cannot be fetched or read is {@code down}, whatever the conditions say.
 */
public final class FeedProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "feed",
            Map.of(
                    "url",
                    SettingKind.STRING,
                    "format",
                    SettingKind.STRING,
                    "headers",
                    SettingKind.STRING_MAP,
                    "token_env",
                    SettingKind.STRING,
                    "token_header",
                    SettingKind.STRING),
            Set.of("url"),
            Set.of("fetched", "items", "new_matches", "matches"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        String url = spec.setting("url", "");
        String wrong = checkUrl(url, target);
        if (wrong != null) return CompletableFuture.completedFuture(Observation.error(wrong));
        Optional<FeedFormat> format = FeedFormat.of(spec.setting("format", "auto"));
        if (format.isEmpty()) {
            return CompletableFuture.completedFuture(Observation.error(
                    "format must be one of " + FeedFormat.labels() + ", got '" + spec.setting("format", "") + "'"));
        }
        RequestOptions options = new RequestOptions()
                .setAbsoluteURI(url)
                .addHeader("User-Agent", "Rounds feed probe")
                .addHeader(
                        "Accept",
                        "application/json, application/atom+xml, application/rss+xml, "
                                + "application/xml;q=0.9, */*;q=0.8");
        if (spec.settings().get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> options.putHeader(String.valueOf(name), String.valueOf(value)));
        }
        String tokenEnv = spec.setting("token_env", null);
        if (tokenEnv != null) {
            Optional<String> token = context.facility(Environment.class).variable(tokenEnv);
            if (token.isEmpty()) {
                return CompletableFuture.completedFuture(Observation.lacking(
                        SetupNeed.credential("set " + tokenEnv + " to the API key of " + url),
                        "environment variable " + tokenEnv + " (token_env) is not set; set it to the API key of "
                                + url));
            }
            options.putHeader(spec.setting("token_header", "Authorization"), token.get());
        }
        AdvisoryInbox inbox = context.facility(AdvisoryInbox.class);
        String via = inbox.proxy().map(proxy -> " through proxy " + proxy).orElse("");
        Optional<ProxyOptions> proxy = inbox.proxy().map(FeedProbe::proxyOptions);
        if (inbox.proxy().isPresent() && proxy.isEmpty()) {
            return CompletableFuture.completedFuture(Observation.error(
                    "rounds.advisory.proxy must be like " + "http://proxy.example.internal:3128, got '"
                            + inbox.proxy().get() + "'"));
        }
        proxy.ifPresent(options::setProxyOptions);
        return context.blocking(() -> inbox.validators(url))
                .thenCompose(validators -> {
                    validators.ifPresent(v -> {
                        if (v.etag() != null) options.putHeader("If-None-Match", v.etag());
                        if (v.lastModified() != null) options.putHeader("If-Modified-Since", v.lastModified());
                    });
                    return HttpFetch.of(options)
                            .followingRedirects()
                            .readingBodyOnlyOf(status -> status == 200)
                            .send(context.vertx(), spec.timeoutFor(target), inbox.maxBytes());
                })
                .thenCompose(answer -> {
                    FeedOutcome outcome = FeedOutcome.of(answer, url, via, inbox.maxBytes());
                    if (outcome.failure() != null) {
                        return CompletableFuture.completedFuture(
                                Observation.down(Map.of("fetched", false), outcome.failure())
                                        .needing(
                                                answer.failure() == null
                                                        ? null
                                                        : answer.failure().setupNeed()));
                    }
                    if (outcome.notModified()) {
                        return context.blocking(
                                () -> measured(inbox.notModified(url), url + " not modified since the last fetch"));
                    }
                    return context.blocking(() -> {
                        FeedDocument document;
                        try (var body = new ByteArrayInputStream(outcome.body())) {
                            document = FeedParser.parse(body, format.get());
                        } catch (FeedRefused refused) {
                            return Observation.down(
                                    Map.of("fetched", true),
                                    "feed " + url + " was refused: " + refused.getMessage() + "; nothing of it stored");
                        }
                        Receipt receipt = inbox.receive(url, document, outcome.validators());
                        return measured(
                                receipt,
                                "fetched " + url + " (" + document.format().title() + ", " + document.count()
                                        + " items)");
                    });
                });
    }

    private static Observation measured(Receipt receipt, String what) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fetched", true);
        values.put("items", receipt.items());
        values.put("new_matches", receipt.newMatches());
        values.put("matches", receipt.openMatches());
        return Observation.measured(
                values,
                what + ": " + receipt.newMatches() + " new matching "
                        + (receipt.newMatches() == 1 ? "advisory" : "advisories") + ", " + receipt.openMatches()
                        + " waiting for triage");
    }

    /** Why the url cannot be fetched for this target, or {@code null} when it can. */
    private static String checkUrl(String url, Target target) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException bad) {
            return "url is not a valid URL: " + bad.getMessage();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return "url must be an absolute http or https URL such as "
                    + "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json, got '"
                    + url + "'";
        }
        String host = unbracketed(uri.getHost());
        String targetHost = hostOf(target.address());
        if (!host.equalsIgnoreCase(targetHost)) {
            return "url host '" + host + "' is not the address of target '" + target.id() + "' (" + target.address()
                    + "); a feed probe's target is the server that publishes the feed";
        }
        return null;
    }

    private static String hostOf(String address) {
        String text = address.strip();
        if (text.startsWith("[")) return text.substring(1, Math.max(1, text.indexOf(']')));
        int colon = text.indexOf(':');
        return colon > 0 && colon == text.lastIndexOf(':') ? text.substring(0, colon) : text;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static ProxyOptions proxyOptions(String proxy) {
        try {
            URI uri = new URI(proxy.strip());
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) return null;
            return new ProxyOptions()
                    .setType(ProxyType.HTTP)
                    .setHost(unbracketed(uri.getHost()))
                    .setPort(uri.getPort());
        } catch (URISyntaxException bad) {
            return null;
        }
    }
}
