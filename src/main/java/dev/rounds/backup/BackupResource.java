package dev.rounds.backup;

import dev.rounds.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Takes Rounds' own backup now, for an admin (before an upgrade, say). */
@Path("/api/backups")
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

    @Inject
    SelfBackup backup;

    @Inject
    SecurityIdentity identity;

    @POST
    public Response takeNow() {
        return Response.status(Response.Status.CREATED)
                .entity(backup.takeNow(identity.getPrincipal().getName()))
                .build();
    }
}
