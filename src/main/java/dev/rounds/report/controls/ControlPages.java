package dev.rounds.report.controls;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Frameworks;
import dev.rounds.core.ReportZone;
import dev.rounds.core.Roles;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.export.Csv;
import dev.rounds.report.pdf.PdfRenderer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;

/**
 * The per-control evidence of a range of days, for managers and auditors: a page, the same as a PDF, and a CSV of
 * one line per control and activity. {@code ?from=2026-01-01&to=2026-03-31} picks the days (the last 30 without
 * them) and {@code &framework=nist-800-53r5} one framework.
 */
@Path("/reports")
@RolesAllowed({Roles.MANAGER, Roles.AUDITOR})
public class ControlPages {

    /** The days shown without {@code from} and {@code to}: the last 30, today included. */
    static final int DEFAULT_DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance controls(ControlReportView view);

        /** The report as a file: no navigation, so it renders as a PDF. */
        static native TemplateInstance controlsFile(ControlReportView view);
    }

    @Inject
    ControlEvidenceService controls;

    @Inject
    ChecklistRegistry registry;

    @Inject
    PdfRenderer pdf;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    @GET
    @Path("controls")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("framework") String framework) {
        return Templates.controls(view(from, to, framework));
    }

    @GET
    @Path("controls.pdf")
    @Produces("application/pdf")
    public Response pdf(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("framework") String framework) {
        ControlReportView view = view(from, to, framework);
        return Response.ok(pdf.render(Templates.controlsFile(view).render()), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + fileName(view) + ".pdf\"")
                .build();
    }

    @GET
    @Path("controls.csv")
    @Produces("text/csv; charset=utf-8")
    public Response csv(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("framework") String framework) {
        ControlReportView view = view(from, to, framework);
        return Response.ok(
                        (StreamingOutput) out ->
                                Csv.write(out, ControlRow.HEADER, ControlRow.of(view.report()), ControlRow::fields),
                        "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(view) + ".csv\"")
                .build();
    }

    private ControlReportView view(String from, String to, String framework) {
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.queried(from, to, zone.get(), now, DEFAULT_DAYS);
        Frameworks catalogs = registry.current().frameworks();
        String chosen = framework == null || framework.isBlank()
                ? null
                : catalogs.selected(framework).get(0).id();
        ControlReport report = controls.report(period.interval(), chosen, now);
        return ControlReportView.of(period, report, catalogs.all(), now, period.hasEnded(now));
    }

    private static String fileName(ControlReportView view) {
        String framework =
                view.report().framework() == null ? "" : "-" + view.report().framework();
        return "rounds-controls" + framework + "-" + view.period().first() + "-"
                + view.period().last();
    }
}
