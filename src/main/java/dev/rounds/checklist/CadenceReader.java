package dev.rounds.checklist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Recur;

/** Reads a checklist's {@code cadence} and, for a recurrence rule, its {@code starts} date. */
final class CadenceReader {

    private static final List<String> NAMES = java.util.Arrays.stream(Cadence.Builtin.values())
            .map(Cadence::yamlName)
            .toList();

    private final YamlFile file;

    CadenceReader(YamlFile file) {
        this.file = file;
    }

    /** The cadence, or {@code null} when it has problems (all of them reported). */
    Cadence read(YamlFields fields) {
        String written = fields.requiredText("cadence");
        LocalDate starts = starts(fields);
        if (written == null) return null;
        if (written.strip().toLowerCase(Locale.ROOT).startsWith(RecurrenceRule.PREFIX)) {
            return rule(fields, written, starts);
        }
        if (starts != null) {
            file.problem(
                    fields.value("starts"),
                    "'starts' belongs to an rrule cadence; " + written + " periods follow the calendar, so remove it");
        }
        for (Cadence.Builtin cadence : Cadence.Builtin.values()) {
            if (cadence.yamlName().equals(written)) return cadence;
        }
        file.problem(
                fields.value("cadence"),
                "unknown cadence '" + written + "'" + Suggestions.didYouMean(written, NAMES)
                        + (Suggestions.closest(written, NAMES).isPresent()
                                ? ""
                                : "; use daily, weekly, monthly, quarterly or \"rrule: …\""));
        return null;
    }

    private LocalDate starts(YamlFields fields) {
        String written = fields.text("starts");
        if (written == null) return null;
        try {
            return LocalDate.parse(written);
        } catch (DateTimeException e) {
            file.problem(fields.value("starts"), "'starts' must be a date like 2026-01-02, got '" + written + "'");
            return null;
        }
    }

    private Cadence rule(YamlFields fields, String written, LocalDate starts) {
        String rule = written.strip().substring(RecurrenceRule.PREFIX.length()).strip();
        String problem = "cadence '" + written + "': ";
        try {
            Recur<LocalDate> recur = RecurrenceRule.parse(rule);
            String why = RecurrenceRule.whyStartsIsNeeded(recur);
            if (starts == null && fields.has("starts")) return null; // reported where it is written
            if (starts == null && why != null) {
                file.problem(
                        fields.value("cadence"),
                        problem + why
                                + ", so the checklist needs 'starts' with its first date, e.g. starts: 2026-01-02");
                return null;
            }
            if (starts != null && !RecurrenceRule.startsOn(recur, starts)) {
                file.problem(
                        fields.value("starts"),
                        "'starts' " + starts + " (a "
                                + starts.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                + ") is not a date of the rule " + rule + "; the first period begins on it,"
                                + " so give a date the rule falls on");
                return null;
            }
            return RecurrenceRule.of(rule, recur, starts);
        } catch (IllegalArgumentException e) {
            file.problem(fields.value("cadence"), problem + e.getMessage());
            return null;
        }
    }
}
