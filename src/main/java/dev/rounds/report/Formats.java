package dev.rounds.report;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Display forms used by the page templates. */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** {@code 2026-11-26 10:00 UTC}, or a dash for nothing. */
    static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    /** {@code 10:00:05 UTC}, or a dash for nothing. */
    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
