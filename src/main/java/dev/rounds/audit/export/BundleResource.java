package dev.rounds.audit.export;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.Roles;
import dev.rounds.core.RoundsException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The auditor's export bundle over HTTP. The zip is written to a temporary file first, so the export is in the
 * audit log before the first byte goes out and a failure answers with an error, not with a cut-off zip.
 */
@Path("/api/audit/bundle")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class BundleResource {

    /** The response header that carries the manifest's SHA-256, as recorded in the audit log. */
    public static final String MANIFEST_SHA256 = "X-Rounds-Manifest-SHA256";

    @Inject
    AuditExport export;

    @GET
    @Produces("application/zip")
    public Response bundle(
            @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext security)
            throws IOException {
        ExportRange range;
        try {
            range = export.range(from, to);
        } catch (IllegalArgumentException e) {
            throw new RoundsException(400, ProblemTitle.INVALID_QUERY_PARAMETER, e.getMessage());
        }
        java.nio.file.Path file = Files.createTempFile("rounds-audit-", ".zip");
        // The body deletes it once sent; a client that goes away before the body is written leaves it to the exit.
        file.toFile().deleteOnExit();
        try {
            BundleManifest manifest = export.export(security.getUserPrincipal().getName(), range, file);
            StreamingOutput body = out -> {
                try {
                    Files.copy(file, out);
                } finally {
                    Files.deleteIfExists(file);
                }
            };
            return Response.ok(body, "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + range.fileName() + "\"")
                    .header(MANIFEST_SHA256, manifest.sha256())
                    .build();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
