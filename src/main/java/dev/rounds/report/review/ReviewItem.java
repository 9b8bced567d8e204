package dev.rounds.report.review;

import dev.rounds.checklist.RecurrenceRule;
import dev.rounds.schedule.Occurrence;
import dev.rounds.signoff.SignOff;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One occurrence of a checklist row as a review lists it: what was asked, where it stands, who vouched for it and
 * what they wrote.
 *
 * @param note the latest sign-off's note, or {@code null}
 */
public record ReviewItem(
        long occurrenceId,
        String activityId,
        String title,
        String period,
        String status,
        Instant dueAt,
        String signedOffBy,
        Instant signedOffAt,
        String note) {

    static ReviewItem of(Occurrence o) {
        List<SignOff> signOffs = SignOff.findByOccurrence(o.id);
        String note = signOffs.stream()
                .max(Comparator.comparing(s -> s.signedAt))
                .map(s -> s.note)
                .orElse(null);
        return new ReviewItem(
                o.id,
                o.activityId,
                o.title,
                o.periodLabel,
                o.status.label(),
                o.dueAt,
                o.signedOffBy,
                o.signedOffAt,
                note);
    }

    /**
     * The occurrences of a cadence that belong to a report period: those whose own period's middle falls in it, so
     * a checklist kept in another zone than the report still lands in the right week or month.
     */
    /**
     * The occurrences of calendar-rule checklists due within {@code [from, to)}: their periods follow the rule, not
     * the calendar, so they belong to the review whose days hold their due time.
     */
    static List<ReviewItem> ruledDueWithin(Instant from, Instant to) {
        return Occurrence.<Occurrence>list(
                        "cadence = ?1 and dueAt >= ?2 and dueAt < ?3 order by dueAt, checklistId, id",
                        RecurrenceRule.KIND,
                        from,
                        to)
                .stream()
                .map(ReviewItem::of)
                .toList();
    }

    static List<ReviewItem> of(String cadence, Instant from, Instant to) {
        List<Occurrence> occurrences = Occurrence.list(
                "cadence = ?1 and periodStart < ?2 and periodEnd > ?3" + " order by checklistId, id",
                cadence,
                to,
                from);
        return occurrences.stream()
                .filter(o -> {
                    Instant middle = o.periodStart.plus(java.time.Duration.between(o.periodStart, o.periodEnd)
                            .dividedBy(2));
                    return !middle.isBefore(from) && middle.isBefore(to);
                })
                .map(ReviewItem::of)
                .toList();
    }
}
