package dev.rounds.report.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.AuditEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An audit entry as the audit page shows it: its time as an instant, its detail indented, its hash whole and short,
 * and a link to the page of its subject where one exists.
 *
 * @param detail the detail as indented JSON, or empty for an entry without detail
 * @param subjectLink the page of the subject (an occurrence, a waiver, a change), or {@code null}
 */
public record AuditEntryView(
        long seq,
        Instant at,
        String actor,
        String action,
        String subject,
        String subjectLink,
        String detail,
        String hash,
        String prevHash) {

    private static final Pattern NUMBERED = Pattern.compile("(change|waiver)/([0-9]{1,18})");
    private static final Pattern OCCURRENCE = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+@[^|]+");

    static AuditEntryView of(AuditEntry stored, ObjectMapper json) {
        AuditEntry entry = stored.wellFormed();
        return new AuditEntryView(
                entry.seq(),
                Instant.parse(entry.at()),
                entry.actor(),
                entry.action(),
                entry.subject(),
                link(entry.subject()),
                pretty(entry.detail(), json),
                entry.hash(),
                entry.prevHash());
    }

    /** The first twelve hex digits, enough to tell entries apart by eye; the whole hash is on hover and in the page. */
    public String shortHash() {
        return hash.substring(0, Math.min(12, hash.length()));
    }

    static String link(String subject) {
        var numbered = NUMBERED.matcher(subject);
        if (numbered.matches()) {
            String id = numbered.group(2);
            return numbered.group(1).equals("change") ? "/changes/" + id : "/waivers#waiver-" + id;
        }
        if (OCCURRENCE.matcher(subject).matches()) {
            return "/audit/occurrence?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String pretty(String detail, ObjectMapper json) {
        if (detail == null || detail.equals("{}")) return "";
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(detail));
        } catch (JsonProcessingException e) {
            // A row altered into something that is not JSON: show it as stored, verification names it.
            return detail;
        }
    }
}
