package dev.rounds.ack;

import dev.rounds.core.Roles;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Acknowledgements of failing probes over REST: list them, acknowledge one, end one early. */
@Path("/api/acknowledgements")
public class AcknowledgementResource {

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    SecurityIdentity identity;

    /** Newest first; with {@code active=true} only those in force now. */
    @GET
    public List<AcknowledgementView> list(@QueryParam("active") boolean active) {
        return acknowledgements.list(active);
    }

    @GET
    @Path("/{id}")
    public AcknowledgementView get(@PathParam("id") long id) {
        return acknowledgements.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response create(@Valid @NotNull AcknowledgementRequest request) {
        AcknowledgementView created =
                acknowledgements.create(identity.getPrincipal().getName(), request);
        return Response.created(URI.create("/api/acknowledgements/" + created.id()))
                .entity(created)
                .build();
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.OPERATOR)
    public AcknowledgementView end(@PathParam("id") long id) {
        return acknowledgements.end(id, identity.getPrincipal().getName());
    }
}
