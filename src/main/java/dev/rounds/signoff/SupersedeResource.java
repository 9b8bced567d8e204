package dev.rounds.signoff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Corrects a sign-off by superseding it: the original stays, the new one names it. */
@Path("/api/signoffs/{id}")
public class SupersedeResource {

    @Inject
    SignOffService signOffs;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/supersede")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Response supersede(@PathParam("id") long signOffId, @Valid @NotNull SignOffRequest request) {
        SignOff s = signOffs.supersede(signOffId, identity.getPrincipal().getName(), request);
        return Response.created(URI.create("/api/occurrences/" + s.occurrenceId + "/signoffs"))
                .entity(SignOffResource.SignOffView.of(s))
                .build();
    }
}
