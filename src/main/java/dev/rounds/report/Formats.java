package dev.rounds.report;

import dev.rounds.core.ReportZone;
import io.quarkus.arc.Arc;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as the pages show them: in the reader's zone (the team's {@link ReportZone}), as a {@code <time>} element
 * that carries the exact UTC instant, shown on hover. Only for element content: no template uses them inside an
 * attribute.
 */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final RawString NOTHING = new RawString("—");

    /** {@code Thu 3 Dec 08:19 CET} with the UTC instant on hover, or a dash for nothing. */
    static RawString when(Instant instant) {
        return element(instant, WHEN, zone());
    }

    /** {@code 08:19:25 CET} with the UTC instant on hover, or a dash for nothing. */
    static RawString time(Instant instant) {
        return element(instant, TIME, zone());
    }

    /** {@code Thu 3 Dec 2026 08:19:25 CET} with the UTC instant on hover: for the audit log, where years and seconds count. */
    static RawString stamp(Instant instant) {
        return element(instant, STAMP, zone());
    }

    /** The {@code <time>} element of an instant shown with {@code shown} in {@code zone}; public for its unit test. */
    public static RawString element(Instant instant, DateTimeFormatter shown, ZoneId zone) {
        if (instant == null) return NOTHING;
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        // Every part is digits, letters, spaces, '+', '-' and ':' from the formatters: nothing to escape.
        return new RawString("<time datetime=\"" + seconds + "\" title=\"" + UTC.format(seconds) + "\">"
                + shown.withZone(zone).format(instant) + "</time>");
    }

    /** The formatters {@link #when} and {@link #time} use, for tests that render with a zone of their own. */
    public static DateTimeFormatter whenFormat() {
        return WHEN;
    }

    private static ZoneId zone() {
        return Arc.container().instance(ReportZone.class).get().get();
    }
}
