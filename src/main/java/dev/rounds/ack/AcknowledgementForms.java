package dev.rounds.ack;

import dev.rounds.core.Roles;
import dev.rounds.core.Years;
import dev.rounds.web.FormPost;
import dev.rounds.web.Typed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

/**
 * The occurrence page's forms that acknowledge a failing probe and end an acknowledgement early. Done, they go back
 * to the page by its address; a refusal is answered with the page itself ({@link AcknowledgementFormPage}), the
 * refusal by the probes.
 */
@Path("/occurrences/{id}/acknowledgements")
@RolesAllowed(Roles.OPERATOR)
public class AcknowledgementForms {

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    AcknowledgementFormPage page;

    @Inject
    SecurityIdentity identity;

    /** Acknowledges one of the occurrence's failing probes until a time given in UTC. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(
            @PathParam("id") long id,
            @FormParam("probe") String probe,
            @FormParam("reason") String reason,
            @FormParam("until") String until) {
        FormPost form = form(id, Typed.of("probe", probe, "reason", reason, "until", until));
        if (probe == null || probe.isBlank() || reason == null || reason.isBlank()) {
            return form.refuse(422, "Say why the failure may stay quiet.");
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(until == null ? "" : until.strip());
        } catch (DateTimeParseException e) {
            return form.refuse(422, "Give the end as a date and time in UTC, e.g. 2026-11-27T09:00.");
        }
        if (!Years.inRange(time)) {
            return form.refuse(
                    422, "Give the end as a date and time in UTC " + Years.RANGE + ", e.g. 2026-11-27T09:00.");
        }
        Instant end = time.toInstant(ZoneOffset.UTC);
        return form.seeOther(
                () -> acknowledgements.create(
                        identity.getPrincipal().getName(), new AcknowledgementRequest(probe, reason, end)),
                "/occurrences/" + id);
    }

    /** Ends an acknowledgement shown on the occurrence's page before its time. */
    @POST
    @Path("/{ack}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response end(@PathParam("id") long id, @PathParam("ack") long ackId) {
        return form(id, Typed.NOTHING)
                .seeOther(
                        () -> acknowledgements.end(
                                ackId, identity.getPrincipal().getName()),
                        "/occurrences/" + id);
    }

    private FormPost form(long id, Typed typed) {
        return FormPost.keeping(typed, (error, kept) -> page.withAcknowledgementError(id, error, kept));
    }
}
