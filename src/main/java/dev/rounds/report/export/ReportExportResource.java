package dev.rounds.report.export;

import dev.rounds.report.ReportPeriod;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * Compliance history and SLA figures of any range of days ({@code from} and {@code to} included, days in
 * {@code rounds.report.zone}), as JSON or as CSV for spreadsheets.
 */
@Path("/api/reports")
@Authenticated
public class ReportExportResource {

    private static final String CSV = "text/csv; charset=utf-8";

    @Inject
    ReportExports exports;

    @GET
    @Path("compliance")
    @Produces(MediaType.APPLICATION_JSON)
    public ReportExports.ComplianceExport compliance(@QueryParam("from") String from, @QueryParam("to") String to) {
        return exports.compliance(exports.period(from, to).interval());
    }

    @GET
    @Path("compliance.csv")
    @Produces(CSV)
    public Response complianceCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = exports.period(from, to);
        return csv("compliance", period, out -> exports.complianceCsv(period.interval(), out));
    }

    @GET
    @Path("sla")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SlaRow> sla(@QueryParam("from") String from, @QueryParam("to") String to) {
        return exports.sla(exports.period(from, to).interval());
    }

    @GET
    @Path("sla.csv")
    @Produces(CSV)
    public Response slaCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = exports.period(from, to);
        return csv("sla", period, out -> exports.slaCsv(period.interval(), out));
    }

    private static Response csv(String name, ReportPeriod period, StreamingOutput body) {
        return Response.ok(body, CSV)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"rounds-" + name + "-" + period.first() + "-" + period.last() + ".csv\"")
                .build();
    }
}
