package dev.rounds.waiver;

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
import java.time.Clock;
import java.util.List;

/** Waivers over REST: operators request them, managers approve, reject or revoke them, anyone reads them. */
@Path("/api/waivers")
public class WaiverResource {

    @Inject
    WaiverService waivers;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response request(@Valid @NotNull WaiverRequest request) {
        Waiver w = waivers.request(actor(), request);
        return Response.created(URI.create("/api/waivers/" + w.id))
                .entity(WaiverView.of(w, clock.instant()))
                .build();
    }

    /** Every waiver, or those in one state ({@code requested approved rejected revoked expired}), newest first. */
    @GET
    public List<WaiverView> list(@QueryParam("state") String state) {
        WaiverState wanted = state == null || state.isBlank()
                ? null
                : WaiverState.of(state)
                        .orElseThrow(() -> new WaiverRefused(
                                400,
                                "unknown state '" + state
                                        + "'; use requested, approved, rejected, revoked or expired"));
        return waivers.list(wanted).stream()
                .map(w -> WaiverView.of(w, clock.instant()))
                .toList();
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public WaiverView approve(@PathParam("id") long id, @Valid WaiverDecision decision) {
        return WaiverView.of(waivers.approve(id, actor(), decision), clock.instant());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public WaiverView reject(@PathParam("id") long id, @Valid WaiverDecision decision) {
        return WaiverView.of(waivers.reject(id, actor(), decision), clock.instant());
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public WaiverView revoke(@PathParam("id") long id, @Valid WaiverDecision decision) {
        return WaiverView.of(waivers.revoke(id, actor(), decision), clock.instant());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
