package dev.rounds.heartbeat;

import dev.rounds.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;

/** The heartbeats and their secret ping URLs, for admins only; rotating a token is audited. */
@Path("/api/heartbeats")
@RolesAllowed(Roles.ADMIN)
public class HeartbeatResource {

    /** A heartbeat as an admin sees it; {@code pingPath} holds the secret token. */
    public record HeartbeatView(
            String name,
            String pingPath,
            Instant lastPingAt,
            String lastStatus,
            String lastMessage,
            Instant lastSuccessAt) {

        static HeartbeatView of(Heartbeat heartbeat) {
            HeartbeatState state = heartbeat.state();
            return new HeartbeatView(
                    heartbeat.name,
                    "/api/ping/" + heartbeat.token,
                    state.lastPingAt(),
                    state.lastStatus(),
                    state.lastMessage(),
                    state.lastSuccessAt());
        }
    }

    @Inject
    HeartbeatService heartbeats;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<HeartbeatView> list() {
        return heartbeats.list().stream().map(HeartbeatView::of).toList();
    }

    @POST
    @Path("/{name}/rotate")
    public HeartbeatView rotate(@PathParam("name") String name) {
        return HeartbeatView.of(heartbeats.rotate(name, identity.getPrincipal().getName()));
    }
}
