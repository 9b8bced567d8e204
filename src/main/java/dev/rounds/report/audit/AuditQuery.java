package dev.rounds.report.audit;

import dev.rounds.audit.AuditFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit page's filter as typed: {@code from} and {@code to} as a day ({@code 2026-12-03}, {@code to} included)
 * or a local time ({@code 2026-12-03T08:00}, {@code to} excluded) in the reader's zone, and actor, action, subject.
 */
public record AuditQuery(String from, String to, String actor, String action, String subject, int size) {

    /** Entries per page unless the address asks for another number. */
    public static final int DEFAULT_SIZE = 50;

    /** The most entries one page shows. */
    public static final int MAX_SIZE = 200;

    public AuditQuery {
        from = trimmed(from);
        to = trimmed(to);
        actor = trimmed(actor);
        action = trimmed(action);
        subject = trimmed(subject);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The filter for the search; an {@link IllegalArgumentException} says which time is wrong. */
    AuditFilter filter(ZoneId zone) {
        Instant start = instant("from", from, zone, false);
        Instant end = instant("to", to, zone, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        return new AuditFilter(start, end, actor, action, subject);
    }

    /** The query string of this filter with one more parameter (e.g. {@code before=120}), for the paging links. */
    String link(String parameter, long seq) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("actor", actor);
        parameters.put("action", action);
        parameters.put("subject", subject);
        if (size != DEFAULT_SIZE) parameters.put("size", String.valueOf(size));
        parameters.put(parameter, String.valueOf(seq));
        return "/audit?"
                + parameters.entrySet().stream()
                        .filter(p -> !p.getValue().isEmpty())
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static Instant instant(String name, String text, ZoneId zone, boolean end) {
        if (text.isEmpty()) return null;
        try {
            if (text.contains("T"))
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a day like 2026-12-03 or a time like 2026-12-03T08:00, got '" + text + "'");
        }
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
