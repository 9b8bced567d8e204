package dev.rounds.report.review;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.ReportZone;
import dev.rounds.core.RoundsException;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.pdf.PdfRenderer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * The weekly and monthly reviews as pages and as PDFs of the same pages. Without a parameter they show the running
 * week or month; {@code ?week=2026-W47} and {@code ?month=2026-10} show another.
 */
@Path("/reports")
@Authenticated
public class ReviewPages {

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance weekly(WeeklyReviewPage page);

        public static native TemplateInstance monthly(MonthlyReview review);

        /** The weekly review as a file: no navigation or forms, so it renders outside a request too. */
        public static native TemplateInstance weeklyFile(WeeklyReview review);

        public static native TemplateInstance monthlyFile(MonthlyReview review);
    }

    @Inject
    WeeklyReviewAssembler weekly;

    @Inject
    WeeklyReviewCache weeklyReviews;

    @Inject
    MonthlyReviewAssembler monthly;

    @Inject
    PdfRenderer pdf;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    @GET
    @Path("weekly")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance weekly(@QueryParam("week") String week) {
        return Templates.weekly(weeklyReviews.review(week(week)));
    }

    @GET
    @Path("monthly")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance monthly(@QueryParam("month") String month) {
        return Templates.monthly(monthly.assemble(month(month)));
    }

    @GET
    @Path("weekly.pdf")
    @Produces("application/pdf")
    public Response weeklyPdf(@QueryParam("week") String week) {
        ReportPeriod period = week(week);
        return pdf(
                "weekly-review-" + period.label(),
                Templates.weeklyFile(weekly.assemble(period)).render());
    }

    @GET
    @Path("monthly.pdf")
    @Produces("application/pdf")
    public Response monthlyPdf(@QueryParam("month") String month) {
        ReportPeriod period = month(month);
        return pdf(
                "monthly-review-" + period.label(),
                Templates.monthlyFile(monthly.assemble(period)).render());
    }

    private Response pdf(String name, String html) {
        return Response.ok(pdf.render(html), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"rounds-" + name + ".pdf\"")
                .build();
    }

    private ReportPeriod week(String text) {
        return period(text, "week", ReportPeriod::week, ReportPeriod::weekOf);
    }

    private ReportPeriod month(String text) {
        return period(text, "month", ReportPeriod::month, ReportPeriod::monthOf);
    }

    private ReportPeriod period(
            String text,
            String name,
            BiFunction<String, java.time.ZoneId, ReportPeriod> parse,
            BiFunction<LocalDate, java.time.ZoneId, ReportPeriod> current) {
        if (text == null || text.isBlank())
            return current.apply(LocalDate.ofInstant(clock.instant(), zone.get()), zone.get());
        try {
            return parse.apply(text, zone.get());
        } catch (IllegalArgumentException e) {
            throw new RoundsException(400, ProblemTitle.INVALID_QUERY_PARAMETER, "'" + name + "': " + e.getMessage());
        }
    }
}
