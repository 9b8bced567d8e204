package dev.rounds.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.core.Roles;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The audit log over HTTP: its entries, a page at a time, and its verification. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    @Inject
    ChainedAuditLog log;

    @Inject
    AuditVerifier verifier;

    @Inject
    ObjectMapper json;

    /**
     * Entries after seq {@code after}, oldest first, newest last; page on with the last seq received. The page is
     * serialised whole before the first byte goes out, so a failure answers 500, never a 200 cut off mid-string;
     * text stored with lone surrogates goes out with U+FFFD (see {@link AuditEntry#wellFormed()}).
     */
    @GET
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)))
    public Response entries(
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit)
            throws JsonProcessingException {
        List<AuditEntry> page =
                log.entries(after, limit).stream().map(AuditEntry::wellFormed).toList();
        return Response.ok(json.writeValueAsBytes(page), MediaType.APPLICATION_JSON)
                .build();
    }

    /** Verifies the whole chain; answers 200 whether it is intact or not, and the body says which. */
    @GET
    @Path("verify")
    public VerificationReport verify() {
        return verifier.verify();
    }
}
