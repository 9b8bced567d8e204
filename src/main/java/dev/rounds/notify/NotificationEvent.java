package dev.rounds.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something people should hear about once, whatever the channel.
 *
 * @param kind what happened, e.g. {@code incident-opened}, {@code occurrence-missed}, {@code sla-breached}
 * @param key unique per event, e.g. {@code incident-opened:42}: publishing the same key again does nothing
 * @param link where to look in Rounds, or {@code null}
 * @param at when it happened
 * @param fields further facts by name, shown in their order
 */
public record NotificationEvent(
        String kind, String key, String title, String text, String link, Instant at, Map<String, String> fields) {

    public NotificationEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
