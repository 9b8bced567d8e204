package dev.rounds.signoff;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Serves sign-off evidence to those who review it, each file only after it was checked against the SHA-256 recorded
 * at upload.
 */
@Path("/api/evidence/{id}")
public class EvidenceResource {

    @Inject
    EvidenceStore store;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.MANAGER})
    public Response download(@PathParam("id") long id) {
        Evidence evidence = Evidence.findById(id);
        if (evidence == null) {
            throw new EvidenceRefused(404, ProblemTitle.NOT_FOUND, "there is no evidence file " + id);
        }
        byte[] content = store.read(evidence);
        return Response.ok(content, evidence.mediaType)
                .header("Content-Disposition", contentDisposition(evidence.fileName))
                .header("X-Content-Type-Options", "nosniff")
                // an uploaded HTML file opened anyway must not run as one of Rounds' own pages
                .header("Content-Security-Policy", "sandbox")
                .build();
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 6266's {@code filename*}. */
    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
