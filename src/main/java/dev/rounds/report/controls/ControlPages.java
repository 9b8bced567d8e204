package dev.rounds.report.controls;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Framework;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.ReportZone;
import dev.rounds.core.Roles;
import dev.rounds.core.RoundsException;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
                        (jakarta.ws.rs.core.StreamingOutput) out ->
                                Csv.write(out, ControlRow.HEADER, ControlRow.of(view.report()), ControlRow::fields),
                        "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(view) + ".csv\"")
                .build();
    }

    private ControlReportView view(String from, String to, String framework) {
        ReportPeriod period = period(from, to);
        List<Framework> frameworks = registry.current().frameworks().all();
        String chosen = framework == null || framework.isBlank() ? null : framework.trim();
        if (chosen != null && frameworks.stream().noneMatch(f -> f.id().equals(chosen))) {
            throw new RoundsException(
                    400,
                    ProblemTitle.INVALID_QUERY_PARAMETER,
                    "'framework': the checklists have no framework '" + chosen + "'; they have "
                            + (frameworks.isEmpty()
                                    ? "none (add catalogs under frameworks/ in the checklist folder)"
                                    : String.join(
                                            ", ",
                                            frameworks.stream()
                                                    .map(Framework::id)
                                                    .toList())));
        }
        Instant now = clock.instant();
        ControlReport report = controls.report(period.interval(), chosen, now);
        return ControlReportView.of(period, report, frameworks, now, period.hasEnded(now));
    }

    private ReportPeriod period(String from, String to) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone.get());
            from = today.minusDays(DEFAULT_DAYS - 1).toString();
            to = today.toString();
        }
        try {
            return ReportPeriod.range(from, to, zone.get());
        } catch (IllegalArgumentException e) {
            throw new RoundsException(400, ProblemTitle.INVALID_QUERY_PARAMETER, e.getMessage());
        }
    }

    private static String fileName(ControlReportView view) {
        String framework =
                view.report().framework() == null ? "" : "-" + view.report().framework();
        return "rounds-controls" + framework + "-" + view.period().first() + "-"
                + view.period().last();
    }
}
