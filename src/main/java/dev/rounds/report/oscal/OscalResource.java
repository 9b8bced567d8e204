package dev.rounds.report.oscal;

import dev.rounds.core.ReportZone;
import dev.rounds.core.Roles;
import dev.rounds.report.ReportPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The OSCAL Assessment Results document of a range of days ({@code from} and {@code to} included, days in
 * {@code rounds.report.zone}), optionally of one framework: for auditors and managers, like the evidence it links.
 */
@Path("/api/reports/oscal")
@RolesAllowed({Roles.AUDITOR, Roles.MANAGER})
public class OscalResource {

    @Inject
    OscalExport export;

    @Inject
    ReportZone zone;

    @GET
    @Produces(OscalExport.MEDIA_TYPE)
    public Response oscal(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("framework") String framework)
            throws IOException {
        ReportPeriod period = ReportPeriod.queried(from, to, zone.get());
        // written whole before answering, so a failure is a problem body and not a cut-off document
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        export.write(period.interval(), framework == null || framework.isBlank() ? null : framework, body);
        return Response.ok(body.toByteArray(), OscalExport.MEDIA_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"rounds-oscal-" + period.first() + "-" + period.last() + ".json\"")
                .build();
    }
}
