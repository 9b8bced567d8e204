package dev.rounds.change;

import dev.rounds.core.Roles;
import dev.rounds.core.Years;
import dev.rounds.web.FormPost;
import dev.rounds.web.Typed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The change log's pages: the list with the request form, and one change with the form for its next step. Times
 * in the forms are UTC. Errors come back on the page with nothing recorded.
 */
@Path("/changes")
public class ChangesPage {

    /** The words the step forms offer. */
    public record Choices(List<String> priorities, List<String> categories, List<String> outcomes) {}

    private static final Choices CHOICES =
            new Choices(words(ChangePriority.values()), words(ChangeCategory.values()), words(ChangeOutcome.values()));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changes(List<ChangeView> changes, boolean operator, String error, Typed typed);

        /** {@code decider}: a manager who did not request the change, the only one who may approve or reject it. */
        static native TemplateInstance change(
                ChangeView change,
                Choices choices,
                boolean operator,
                boolean manager,
                boolean decider,
                String error,
                Typed typed);
    }

    @Inject
    ChangeService changes;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return renderList(null, Typed.NOTHING);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        return renderChange(id, null, Typed.NOTHING);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response request(
            @FormParam("title") String title,
            @FormParam("description") String description,
            @FormParam("target") String target,
            @FormParam("activity") String activity,
            @FormParam("plannedStart") String plannedStart,
            @FormParam("plannedEnd") String plannedEnd) {
        FormPost form = FormPost.keeping(
                Typed.of(
                        "title", title,
                        "description", description,
                        "target", target,
                        "activity", activity,
                        "plannedStart", plannedStart,
                        "plannedEnd", plannedEnd),
                this::renderList);
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            return form.refuse(422, "Give the change a title and a description.");
        }
        return form.seeOther(
                () -> changes.request(
                        actor(),
                        new ChangeRequest(
                                title,
                                description,
                                target,
                                activity,
                                utc(plannedStart, "planned start"),
                                utc(plannedEnd, "planned end"))),
                c -> "/changes/" + c.id);
    }

    @POST
    @Path("/{id}/classify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response classify(
            @PathParam("id") long id, @FormParam("priority") String priority, @FormParam("category") String category) {
        return step(
                id,
                Typed.of("step", "classify", "priority", priority, "category", category),
                () -> changes.classify(id, actor(), new ChangeSteps.Classification(priority, category)));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.MANAGER)
    public Response approve(@PathParam("id") long id, @FormParam("note") String note) {
        return step(
                id,
                Typed.of("step", "approve", "note", note),
                () -> changes.approve(id, actor(), new ChangeSteps.Decision(note)));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.MANAGER)
    public Response reject(@PathParam("id") long id, @FormParam("note") String note) {
        return step(
                id,
                Typed.of("step", "reject", "note", note),
                () -> changes.reject(id, actor(), new ChangeSteps.Decision(note)));
    }

    /** An empty time means now. */
    @POST
    @Path("/{id}/implement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response implement(@PathParam("id") long id, @FormParam("at") String at, @FormParam("note") String note) {
        return step(
                id,
                Typed.of("step", "implement", "at", at, "note", note),
                () -> changes.implement(
                        id,
                        actor(),
                        new ChangeSteps.Implementation(
                                at == null || at.isBlank() ? null : utc(at, "implementation time"), note)));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.MANAGER)
    public Response review(
            @PathParam("id") long id, @FormParam("outcome") String outcome, @FormParam("note") String note) {
        return step(
                id,
                Typed.of("step", "review", "outcome", outcome, "note", note),
                () -> changes.review(id, actor(), new ChangeSteps.Review(outcome, note)));
    }

    /** A refused step comes back on the change's page; an unknown change is refused by that page too (404). */
    private Response step(long id, Typed typed, Runnable step) {
        return FormPost.keeping(typed, (error, kept) -> renderChange(id, error, kept))
                .seeOther(step, "/changes/" + id);
    }

    /** A form's {@code datetime-local} value, read as UTC. */
    private static Instant utc(String value, String field) {
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new ChangeRefused(422, "Give the " + field + " as a date and time, e.g. 2026-12-05T20:00.");
        }
        if (!Years.inRange(time)) {
            throw new ChangeRefused(
                    422, "Give the " + field + " as a date and time " + Years.RANGE + ", e.g. 2026-12-05T20:00.");
        }
        return time.toInstant(ZoneOffset.UTC);
    }

    private TemplateInstance renderList(String error, Typed typed) {
        return Templates.changes(
                changes.all().stream().map(ChangeView::of).toList(), identity.hasRole(Roles.OPERATOR), error, typed);
    }

    private TemplateInstance renderChange(long id, String error, Typed typed) {
        ChangeView change = ChangeView.of(changes.get(id));
        boolean manager = identity.hasRole(Roles.MANAGER);
        return Templates.change(
                change,
                CHOICES,
                identity.hasRole(Roles.OPERATOR),
                manager,
                manager && !change.requestedBy().equals(actor()),
                error,
                typed);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static List<String> words(Enum<?>[] values) {
        return Arrays.stream(values).map(Vocabulary::label).toList();
    }
}
