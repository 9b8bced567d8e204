package dev.rounds.probe.type;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Creation times as ticket systems write them: ISO-8601 with an offset ({@code 2026-11-20T09:15:00Z},
 * {@code 2026-11-20T09:15:00+01:00}), Jira's offset without a colon ({@code 2026-11-20T09:15:00.000+0000}),
 * and ServiceNow's zone-less {@code 2026-11-20 09:15:00}, which its Table API writes in UTC.
 */
final class Timestamps {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter();

    private Timestamps() {}

    /**
     * The instant the text names; a time without an offset is UTC.
     *
     * @throws IllegalArgumentException saying which forms are understood
     */
    static Instant parse(String text) {
        try {
            TemporalAccessor parsed = FORMAT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 2026-11-20T09:15:00Z, "
                    + "2026-11-20T09:15:00.000+0000 or 2026-11-20 09:15:00 (UTC)");
        }
    }
}
