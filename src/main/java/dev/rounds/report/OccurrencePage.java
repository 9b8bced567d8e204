package dev.rounds.report;

import dev.rounds.RoundsException;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.schedule.Occurrence;
import dev.rounds.signoff.SignOff;
import dev.rounds.signoff.SignOffRequest;
import dev.rounds.signoff.SignOffService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** One occurrence: what it asks, what the probes say, who signed it off; and the sign-off form. */
@Path("/occurrences/{id}")
@Authenticated
public class OccurrencePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance occurrence(Dashboard.Row row, Occurrence occurrence, List<SignOff> signoffs,
                String error);
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
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, null);
    }

    /** The form's sign-off; errors come back on the page, next to the form, with nothing recorded. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signOff(@PathParam("id") long id, @FormParam("note") String note,
            @FormParam("reference") String reference) {
        if (!identity.hasRole("operator")) {
            return Response.status(403).entity(render(id, "Only operators can sign off.")).build();
        }
        if (note == null || note.isBlank()) {
            return Response.status(422).entity(render(id, "Write a note saying what was checked.")).build();
        }
        try {
            signOffs.signOff(id, identity.getPrincipal().getName(), new SignOffRequest(note, reference));
        } catch (RoundsException e) {
            return Response.status(e.status()).entity(render(id, e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/occurrences/" + id)).build();
    }

    private TemplateInstance render(long id, String error) {
        Occurrence o = Occurrence.findById(id);
        if (o == null) {
            throw new RoundsException(404, "not found", "there is no occurrence " + id);
        }
        Dashboard.Row row = assembler.row(registry.current(), o);
        return Templates.occurrence(row, o, SignOff.findByOccurrence(id), error);
    }
}
