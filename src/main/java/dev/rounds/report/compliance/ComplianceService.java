package dev.rounds.report.compliance;

import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.core.Interval;
import dev.rounds.schedule.OccurrenceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Compliance of the occurrences that came due in a period, read from the occurrence table. */
@ApplicationScoped
public class ComplianceService {

    /** The owner of occurrences whose checklist is no longer loaded. */
    public static final String REMOVED_CHECKLIST = "(removed checklist)";

    @Inject
    EntityManager em;

    @Inject
    ChecklistRegistry registry;

    /** The occurrences due within {@code period}, retired ones left out, in order of due time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OccurrenceFact> facts(Interval period) {
        ChecklistSet checklists = registry.current();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, checklist_id, activity_id, period_label, due_at, status, completed_at, signed_off_by
                FROM occurrence WHERE due_at >= :from AND due_at < :to AND status <> :retired
                ORDER BY due_at, id""")
                .setParameter("from", OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC))
                .setParameter("retired", OccurrenceStatus.RETIRED.name())
                .getResultList();
        return rows.stream()
                .map(row -> {
                    String checklistId = (String) row[1];
                    String owner = checklists
                            .checklist(checklistId)
                            .map(Checklist::owner)
                            .orElse(REMOVED_CHECKLIST);
                    return new OccurrenceFact(
                            ((Number) row[0]).longValue(),
                            checklistId,
                            (String) row[2],
                            owner,
                            (String) row[3],
                            toInstant(row[4]),
                            OccurrenceStatus.valueOf((String) row[5]),
                            toInstant(row[6]),
                            (String) row[7]);
                })
                .toList();
    }

    /** Overall figures first, then per checklist, then per owner; see {@link ComplianceCalculator}. */
    public List<ComplianceFigures> figures(Interval period, Instant now) {
        return ComplianceCalculator.figures(facts(period), period, now);
    }

    /** Overall figures per local day of {@code period} in {@code zone}, for a month's calendar. */
    public Map<LocalDate, ComplianceFigures> byDay(Interval period, ZoneId zone, Instant now) {
        return ComplianceCalculator.byDay(facts(period), period, zone, now);
    }

    private static Instant toInstant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant instant) return instant;
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof Timestamp ts) return ts.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
