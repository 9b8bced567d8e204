package dev.rounds.advisory;

import dev.rounds.core.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Stored advisories over REST: list them by triage state, triage one. */
@Path("/api/advisories")
@Authenticated
public class AdvisoryResource {

    @Inject
    AdvisoryService advisories;

    @Inject
    SecurityIdentity identity;

    /** Advisories newest first; {@code state} one of new, applies, not_applicable, patched, or all without it. */
    @GET
    public List<AdvisoryView> list(@QueryParam("state") String state) {
        return advisories.list(state);
    }

    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public AdvisoryView triage(@PathParam("id") long id, @NotNull TriageRequest request) {
        return advisories.triage(id, identity.getPrincipal().getName(), request);
    }
}
