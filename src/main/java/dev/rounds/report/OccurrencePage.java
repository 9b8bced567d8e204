package dev.rounds.report;

import dev.rounds.core.RoundsException;
import dev.rounds.core.Years;
import dev.rounds.ack.AcknowledgementRequest;
import dev.rounds.ack.AcknowledgementService;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.schedule.Occurrence;
import dev.rounds.core.Roles;
import dev.rounds.web.FormPost;
import dev.rounds.signoff.EvidenceUpload;
import dev.rounds.signoff.SignOff;
import dev.rounds.signoff.SignOffRequest;
import dev.rounds.signoff.SignOffResource.SignOffView;
import dev.rounds.signoff.SignOffService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * One occurrence: what it asks, what the probes say, who signed it off with what evidence; the sign-off form and
 * the forms that acknowledge a failing probe.
 */
@Path("/occurrences/{id}")
@Authenticated
public class OccurrencePage {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** What the page shows besides the occurrence; {@code error} next to the sign-off form, {@code ackError} by the probes. */
    public record Forms(String error, String ackError, String defaultUntil, boolean canDownloadEvidence) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance occurrence(Dashboard.Row row, Occurrence occurrence, List<SignOffView> signoffs,
                Forms forms);
    }

    @Inject
    Clock clock;

    @Inject
    ChecklistRegistry registry;

    @Inject
    DashboardAssembler assembler;

    @Inject
    SignOffService signOffs;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, null, null);
    }

    /** The form's sign-off, with an optional file; errors come back on the page, next to the form, with nothing recorded. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response signOff(@PathParam("id") long id, @RestForm String note, @RestForm String reference,
            @RestForm String link, @RestForm("file") FileUpload file) {
        FormPost form = FormPost.showing(error -> render(id, error, null));
        if (note == null || note.isBlank()) {
            return form.refuse(422, "Write a note saying what was checked.");
        }
        return form.seeOther(() -> signOffs.signOff(id, identity.getPrincipal().getName(),
                new SignOffRequest(note, reference, link), EvidenceUpload.of(file)), "/occurrences/" + id);
    }

    /** Acknowledges one of the occurrence's failing probes until a time given in UTC. */
    @POST
    @Path("/acknowledgements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response acknowledge(@PathParam("id") long id, @FormParam("probe") String probe,
            @FormParam("reason") String reason, @FormParam("until") String until) {
        FormPost form = ackForm(id);
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
            return form.refuse(422, "Give the end as a date and time in UTC " + Years.RANGE
                    + ", e.g. 2026-11-27T09:00.");
        }
        Instant end = time.toInstant(ZoneOffset.UTC);
        return form.seeOther(() -> acknowledgements.create(identity.getPrincipal().getName(),
                new AcknowledgementRequest(probe, reason, end)), "/occurrences/" + id);
    }

    /** Ends an acknowledgement shown on this page before its time. */
    @POST
    @Path("/acknowledgements/{ack}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response endAcknowledgement(@PathParam("id") long id, @PathParam("ack") long ackId) {
        return ackForm(id).seeOther(() -> acknowledgements.end(ackId, identity.getPrincipal().getName()),
                "/occurrences/" + id);
    }

    /** The acknowledgement forms' errors come back by the probes. */
    private FormPost ackForm(long id) {
        return FormPost.showing(error -> render(id, null, error));
    }

    private TemplateInstance render(long id, String error, String ackError) {
        Occurrence o = Occurrence.findById(id);
        if (o == null) {
            throw new RoundsException(404, "not found", "there is no occurrence " + id);
        }
        Dashboard.Row row = assembler.row(registry.current(), o);
        String defaultUntil = LOCAL_INPUT.format(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC));
        Forms forms = new Forms(error, ackError, defaultUntil,
                identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.MANAGER));
        return Templates.occurrence(row, o, SignOff.findByOccurrence(id).stream().map(SignOffView::of).toList(), forms);
    }
}
