package dev.rounds.signoff;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** An occurrence's sign-offs over REST: record one, list them. */
@Path("/api/occurrences/{id}")
@Authenticated
public class SignOffResource {

    @Inject
    SignOffService signOffs;

    @Inject
    SecurityIdentity identity;

    /** A sign-off as the API shows it. */
    public record SignOffView(long id, long occurrenceId, String actor, Instant signedAt, String note,
            String reference, Long supersedes) {

        public static SignOffView of(SignOff s) {
            return new SignOffView(s.id, s.occurrenceId, s.actor, s.signedAt, s.note, s.reference, s.supersedesId);
        }
    }

    @POST
    @Path("/signoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Response signOff(@PathParam("id") long occurrenceId, @Valid @NotNull SignOffRequest request) {
        SignOff s = signOffs.signOff(occurrenceId, identity.getPrincipal().getName(), request);
        return Response.created(URI.create("/api/signoffs/" + s.id)).entity(SignOffView.of(s)).build();
    }

    @GET
    @Path("/signoffs")
    public List<SignOffView> list(@PathParam("id") long occurrenceId) {
        return SignOff.findByOccurrence(occurrenceId).stream().map(SignOffView::of).toList();
    }
}
