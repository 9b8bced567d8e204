package dev.rounds.schedule;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;
import dev.rounds.core.Years;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Occurrences over REST, by date, checklist and status. */
@Path("/api/occurrences")
@Authenticated
public class OccurrenceResource {

    @Inject
    Clock clock;

    /** An occurrence as the API shows it. */
    public record OccurrenceView(
            long id,
            String checklist,
            String activity,
            String period,
            String title,
            String status,
            String reason,
            String note,
            Instant dueAt,
            Instant periodStart,
            Instant periodEnd,
            Instant completedAt,
            String signedOffBy,
            String signoff,
            String checklistSha256) {

        static OccurrenceView of(Occurrence o) {
            return new OccurrenceView(
                    o.id,
                    o.checklistId,
                    o.activityId,
                    o.periodLabel,
                    o.title,
                    o.status.label(),
                    o.statusReason,
                    o.openingNote,
                    o.dueAt,
                    o.periodStart,
                    o.periodEnd,
                    o.completedAt,
                    o.signedOffBy,
                    o.signoffPolicy.yamlName(),
                    o.checklistSha256);
        }
    }

    /**
     * Occurrences whose period contains the given day (default today, UTC midnight), optionally of one
     * checklist and one status.
     */
    @GET
    public List<OccurrenceView> list(
            @QueryParam("date") String date,
            @QueryParam("checklist") String checklist,
            @QueryParam("status") String status) {
        Instant at = date == null ? clock.instant() : parseDate(date);
        OccurrenceStatus wanted = status == null ? null : parseStatus(status);
        return Occurrence.findCurrent(at).stream()
                .filter(o -> checklist == null || o.checklistId.equals(checklist))
                .filter(o -> wanted == null || o.status == wanted)
                .map(OccurrenceView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public OccurrenceView get(@PathParam("id") long id) {
        Occurrence o = Occurrence.findById(id);
        if (o == null) {
            throw new RoundsException(404, ProblemTitle.NOT_FOUND, "there is no occurrence " + id);
        }
        return OccurrenceView.of(o);
    }

    private static Instant parseDate(String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new RoundsException(
                    400,
                    ProblemTitle.INVALID_QUERY_PARAMETER,
                    "'date' must be a day like 2026-11-26, got '" + date + "'");
        }
        if (!Years.inRange(day)) {
            throw new RoundsException(
                    400,
                    ProblemTitle.INVALID_QUERY_PARAMETER,
                    "'date' must be a day like 2026-11-26 " + Years.RANGE + ", got '" + date + "'");
        }
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static OccurrenceStatus parseStatus(String status) {
        try {
            return OccurrenceStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RoundsException(
                    400,
                    ProblemTitle.INVALID_QUERY_PARAMETER,
                    "'status' must be one of "
                            + java.util.Arrays.stream(OccurrenceStatus.values())
                                    .map(OccurrenceStatus::label)
                                    .toList()
                            + ", got '" + status + "'");
        }
    }
}
