package dev.rounds.report.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.AuditFilter;
import dev.rounds.audit.AuditSearch;
import dev.rounds.audit.AuditSlice;
import dev.rounds.audit.AuditVerifier;
import dev.rounds.audit.VerificationReport;
import dev.rounds.audit.export.ManifestSigner;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.ReportZone;
import dev.rounds.core.Roles;
import dev.rounds.core.RoundsException;
import dev.rounds.core.Sha256;
import dev.rounds.schedule.Occurrence;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The auditor's screen: the audit log filtered and paged by sequence, the chain's verification, the bundle of a
 * period and the key that signs it. The same roles as the audit API.
 */
@Path("/audit")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditPage {

    /** The page of entries and how to reach the pages beside it ({@code null} where there is none). */
    public record Listing(List<AuditEntryView> entries, String newerLink, String olderLink) {}

    /** The bundle form's defaults and the signing key, if bundles are signed. */
    public record Bundle(String from, String to, String publicKey, String fingerprint) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(AuditQuery query, Listing listing, String zone, String error);

        static native TemplateInstance verify(VerificationReport report, Instant checkedAt, Bundle bundle, String zone);
    }

    @Inject
    AuditSearch search;

    @Inject
    AuditVerifier verifier;

    @Inject
    ManifestSigner signer;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance log(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("subject") String subject,
            @QueryParam("before") Long before,
            @QueryParam("after") Long after,
            @QueryParam("size") @DefaultValue("0") int size) {
        AuditQuery query = new AuditQuery(from, to, actor, action, subject, size);
        AuditFilter filter;
        try {
            filter = query.filter(zone.get());
        } catch (IllegalArgumentException e) {
            return Templates.log(query, new Listing(List.of(), null, null), zoneName(), e.getMessage());
        }
        AuditSlice slice = search.page(filter, before, after, query.size());
        List<AuditEntryView> entries =
                slice.entries().stream().map(e -> AuditEntryView.of(e, json)).toList();
        String newer = null;
        String older = null;
        if (!entries.isEmpty()) {
            if (slice.newer()) newer = query.link("after", entries.get(0).seq());
            if (slice.older())
                older = query.link("before", entries.get(entries.size() - 1).seq());
        } else {
            if (slice.newer()) newer = query.link("after", before - 1);
            if (slice.older()) older = query.link("before", after + 1);
        }
        return Templates.log(query, new Listing(entries, newer, older), zoneName(), null);
    }

    /** The same walk as {@code GET /api/audit/verify}, as a page, with the bundle form and the signing key. */
    @GET
    @Path("verify")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance verify() {
        VerificationReport report = verifier.verify();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.get());
        String key = signer.publicKey().orElse(null);
        Bundle bundle = new Bundle(
                today.withDayOfMonth(1).toString(), today.toString(), key, key == null ? null : Sha256.hex(key));
        return Templates.verify(report, clock.instant(), bundle, zoneName());
    }

    /** The occurrence an entry's subject names ({@code daily/backup-review@2026-11-26}), on its own page. */
    @GET
    @Path("occurrence")
    public Response occurrence(@QueryParam("subject") String subject) {
        String text = subject == null ? "" : subject;
        int slash = text.indexOf('/');
        int at = text.indexOf('@');
        if (slash < 1 || at < slash + 2) {
            throw new RoundsException(
                    400,
                    ProblemTitle.INVALID_QUERY_PARAMETER,
                    "'subject' must name an occurrence as checklist/activity@period, got '" + text + "'");
        }
        Occurrence occurrence = Occurrence.findFor(
                        text.substring(0, slash), text.substring(slash + 1, at), text.substring(at + 1))
                .orElseThrow(() -> new RoundsException(
                        404, ProblemTitle.NOT_FOUND, "no occurrence " + text + " is stored (any more)"));
        return Response.seeOther(URI.create("/occurrences/" + occurrence.id)).build();
    }

    private String zoneName() {
        return zone.get().getId();
    }
}
