package dev.rounds.probe.type;

import com.jayway.jsonpath.JsonPath;
import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code backlog}: a ticket or request queue is under control. GETs a JSON API ({@code url}, or {@code path} on
 * the target with {@code scheme}, {@code port}, {@code headers}), selects the queue's items with the JSONPath
 * {@code items}, reads each one's creation time with the JSONPath {@code created} (relative to the item) and
 * optionally the queue's full size with the JSONPath {@code total}. {@code preset: jira} or {@code servicenow}
 * fills these in. Credentials: see {@link AuthHeader}. Operands: {@code count} (items selected), {@code oldest_age} (zero for an empty
 * queue) and {@code total} (the {@code total} path's number, else the count). Without {@code expect} lines only
 * a failed request, an HTTP status of 400 or more, or an answer that is not the expected JSON is {@code down}.
 */
public final class BacklogProbe implements ProbeType {

    /** What a preset fills in where the probe sets nothing. */
    record Preset(String path, String items, String created, String total) {}

    static final Map<String, Preset> PRESETS = Map.of(
            "jira",
                    new Preset(
                            "/rest/api/2/search?jql=resolution = Unresolved ORDER BY created ASC&fields=created",
                            "$.issues[*]",
                            "$.fields.created",
                            "$.total"),
            "servicenow",
                    new Preset(
                            "/api/now/table/incident?sysparm_query=active=true^ORDERBYopened_at&sysparm_fields=number,opened_at",
                            "$.result[*]",
                            "$.opened_at",
                            null));

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "backlog",
            Map.ofEntries(
                    Map.entry("preset", SettingKind.STRING),
                    Map.entry("url", SettingKind.STRING),
                    Map.entry("scheme", SettingKind.STRING),
                    Map.entry("port", SettingKind.INTEGER),
                    Map.entry("path", SettingKind.STRING),
                    Map.entry("headers", SettingKind.STRING_MAP),
                    Map.entry("items", SettingKind.STRING),
                    Map.entry("created", SettingKind.STRING),
                    Map.entry("total", SettingKind.STRING),
                    Map.entry("auth_env", SettingKind.STRING),
                    Map.entry("auth_header", SettingKind.STRING)),
            Set.of(),
            Set.of("count", "oldest_age", "total"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        Request request;
        try {
            request = request(spec, target, context);
        } catch (IllegalArgumentException | IllegalStateException misconfigured) {
            return CompletableFuture.completedFuture(Observation.misconfigured(misconfigured));
        }
        return HttpFetch.get(request.uri(), request.headers())
                .send(context.vertx(), spec.timeoutFor(target), context.maxBytes())
                .thenApply(answer -> judged(answer, request, context));
    }

    /** Everything read from the settings before anything is sent. */
    private record Request(
            URI uri, Map<String, String> headers, JsonPath items, JsonPath created, JsonPath total, String authEnv) {}

    private static Request request(ProbeSpec spec, Target target, ProbeContext context) {
        Preset preset = null;
        if (spec.settings().get("preset") != null) {
            preset = PRESETS.get(spec.setting("preset", ""));
            if (preset == null) {
                throw new IllegalArgumentException(
                        "preset must be one of " + String.join(", ", new TreeSet<>(PRESETS.keySet())) + ", got '"
                                + spec.setting("preset", "") + "'");
            }
        }
        String items = spec.setting("items", preset == null ? null : preset.items());
        String created = spec.setting("created", preset == null ? null : preset.created());
        if (items == null || created == null) {
            throw new IllegalArgumentException("set 'items' and 'created' (JSON paths such as $.issues[*] and "
                    + "$.fields.created), or a preset: jira or servicenow");
        }
        String total = spec.setting("total", preset == null ? null : preset.total());
        var headers = new LinkedHashMap<String, String>();
        headers.put("Accept", "application/json");
        if (spec.settings().get("headers") instanceof Map<?, ?> extra) {
            extra.forEach((name, value) -> headers.put(String.valueOf(name), String.valueOf(value)));
        }
        String authEnv = AuthHeader.addTo(headers, spec, context);
        URI uri = Urls.of(spec, target, preset == null ? null : preset.path(), 80);
        return new Request(
                uri,
                headers,
                JsonPaths.compile(items),
                JsonPaths.compile(created),
                total == null ? null : JsonPaths.compile(total),
                authEnv);
    }

    private static Observation judged(HttpFetch.Answer answer, Request request, ProbeContext context) {
        String where = HttpFetch.shown(request.uri());
        if (answer.failure() != null)
            return Observation.down(Map.of(), answer.failure().about(request.uri()))
                    .needing(answer.failure().setupNeed());
        if (answer.status() >= 400) {
            return Observation.down(
                    Map.of(),
                    "HTTP " + answer.status() + " from " + where + AuthHeader.hint(answer.status(), request.authEnv()));
        }
        if (answer.cut()) {
            return Observation.down(
                    Map.of(),
                    "answer from " + where + " is larger than the read cap of " + context.maxBytes()
                            + " bytes; ask for fewer fields or items, or raise rounds.probe.max-bytes");
        }
        Object document;
        try {
            document = JsonPaths.parse(answer.body());
        } catch (IllegalArgumentException notJson) {
            return Observation.down(
                    Map.of(), "answer from " + where + " (HTTP " + answer.status() + ") is " + notJson.getMessage());
        }
        try {
            return measured(document, request, where, context.clock().instant());
        } catch (IllegalArgumentException unexpected) {
            return Observation.down(Map.of(), "answer from " + where + ": " + unexpected.getMessage());
        }
    }

    private static Observation measured(Object document, Request request, String where, Instant now) {
        Object selected = JsonPaths.read(document, request.items());
        if (selected == null) {
            throw new IllegalArgumentException("nothing at " + request.items().getPath() + " (setting 'items')");
        }
        List<?> items = selected instanceof List<?> list ? list : List.of(selected);
        Instant oldest = null;
        for (int i = 0; i < items.size(); i++) {
            Object created = JsonPaths.read(items.get(i), request.created());
            if (!(created instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("item " + (i + 1) + " of " + items.size()
                        + " has no creation time at " + request.created().getPath() + " (setting 'created')");
            }
            Instant at;
            try {
                at = Timestamps.parse(text);
            } catch (IllegalArgumentException unreadable) {
                throw new IllegalArgumentException("item " + (i + 1) + ": " + unreadable.getMessage());
            }
            if (oldest == null || at.isBefore(oldest)) oldest = at;
        }
        long count = items.size();
        Number total = count;
        if (request.total() != null) {
            if (!(JsonPaths.read(document, request.total()) instanceof Number number)) {
                throw new IllegalArgumentException(
                        "no number at " + request.total().getPath() + " (setting 'total')");
            }
            total = number.longValue();
        }
        Duration age = oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        var values = new LinkedHashMap<String, Object>();
        values.put("count", count);
        values.put("oldest_age", age);
        values.put("total", total);
        return Observation.measured(
                values,
                count + " items" + (request.total() == null ? "" : " of " + total)
                        + (oldest == null ? "" : ", oldest " + Durations.format(age) + " old") + " at " + where);
    }
}
