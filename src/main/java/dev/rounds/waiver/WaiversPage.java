package dev.rounds.waiver;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The waivers page: every waiver with how long it has left, the request form for operators, and the decision
 * forms for managers. Errors come back on the page with nothing recorded.
 */
@Path("/waivers")
public class WaiversPage {

    /** An activity that can be waived, as {@code checklist/activity} with its title. */
    public record Choice(String value, String title) {}

    @CheckedTemplate
    static class Templates {
        /** {@code me}: who is looking, since nobody approves or rejects their own request. */
        static native TemplateInstance waivers(
                List<WaiverView> waivers,
                List<Choice> activities,
                boolean operator,
                boolean manager,
                String me,
                String error,
                Typed typed);
    }

    @Inject
    WaiverService waivers;

    @Inject
    ChecklistRegistry registry;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return render(null, Typed.NOTHING);
    }

    /** The request form; the expiry is a date, and the waiver ends when that day ends in the checklist's zone. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response request(
            @FormParam("activity") String activity,
            @FormParam("reason") String reason,
            @FormParam("expires") String expires) {
        FormPost form =
                FormPost.keeping(Typed.of("activity", activity, "reason", reason, "expires", expires), this::render);
        String[] ids = activity == null ? new String[0] : activity.split("/", 2);
        if (ids.length != 2) {
            return form.refuse(422, "Choose the activity to waive.");
        }
        if (reason == null || reason.isBlank()) {
            return form.refuse(422, "Give the reason for the waiver.");
        }
        Checklist checklist = registry.current().checklist(ids[0]).orElse(null);
        if (checklist == null) {
            return form.refuse(422, "There is no checklist '" + ids[0] + "'.");
        }
        LocalDate lastDay;
        try {
            lastDay = LocalDate.parse(expires == null ? "" : expires.strip());
        } catch (DateTimeParseException e) {
            return form.refuse(422, "Give the last day the waiver applies as a date, e.g. 2026-12-31.");
        }
        if (!Years.inRange(lastDay)) {
            return form.refuse(
                    422, "Give the last day the waiver applies as a date " + Years.RANGE + ", e.g. 2026-12-31.");
        }
        Instant expiry = lastDay.plusDays(1).atStartOfDay(checklist.timezone()).toInstant();
        return form.seeOther(
                () -> waivers.request(actor(), new WaiverRequest(ids[0], ids[1], reason, expiry)), "/waivers");
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.MANAGER)
    public Response approve(@PathParam("id") long id, @FormParam("note") String note) {
        return form().seeOther(() -> waivers.approve(id, actor(), new WaiverDecision(note)), "/waivers");
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.MANAGER)
    public Response reject(@PathParam("id") long id, @FormParam("note") String note) {
        return form().seeOther(() -> waivers.reject(id, actor(), new WaiverDecision(note)), "/waivers");
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.MANAGER)
    public Response revoke(@PathParam("id") long id, @FormParam("note") String note) {
        return form().seeOther(() -> waivers.revoke(id, actor(), new WaiverDecision(note)), "/waivers");
    }

    /** The zone a waiver's last day is counted in: its checklist's, as when it was requested. */
    private ZoneId zoneOf(Waiver w) {
        return registry.current()
                .checklist(w.checklistId)
                .map(Checklist::timezone)
                .orElse(ZoneOffset.UTC);
    }

    /** The decision forms of this page: errors come back on it. */
    private FormPost form() {
        return FormPost.showing(error -> render(error, Typed.NOTHING));
    }

    private TemplateInstance render(String error, Typed typed) {
        Instant now = clock.instant();
        List<WaiverView> listed = waivers.list(null).stream()
                .map(w -> WaiverView.of(w, now, zoneOf(w)))
                .toList();
        List<Choice> activities = new ArrayList<>();
        for (Checklist c : registry.current().checklists()) {
            for (Activity a : c.activities()) {
                activities.add(new Choice(c.id() + "/" + a.id(), a.title()));
            }
        }
        return Templates.waivers(
                listed,
                activities,
                identity.hasRole(Roles.OPERATOR),
                identity.hasRole(Roles.MANAGER),
                actor(),
                error,
                typed);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
