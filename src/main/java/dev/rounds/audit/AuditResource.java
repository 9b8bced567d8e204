package dev.rounds.audit;

import dev.rounds.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log over HTTP: its entries, a page at a time, and its verification. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    @Inject
    ChainedAuditLog log;

    @Inject
    AuditVerifier verifier;

    /** Entries after seq {@code after}, oldest first, newest last; page on with the last seq received. */
    @GET
    public List<AuditEntry> entries(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return log.entries(after, limit);
    }

    /** Verifies the whole chain; answers 200 whether it is intact or not, and the body says which. */
    @GET
    @Path("verify")
    public VerificationReport verify() {
        return verifier.verify();
    }
}
