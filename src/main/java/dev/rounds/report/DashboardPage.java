package dev.rounds.report;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.core.ReportZone;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.compliance.ComplianceService;
import dev.rounds.schedule.Occurrence;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;

/** The operator's morning page: what is due today, what failed, what waits for a sign-off. */
@Path("/")
@Authenticated
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Dashboard dashboard);
    }

    @Inject
    Clock clock;

    @Inject
    ChecklistRegistry registry;

    @Inject
    DashboardAssembler assembler;

    @Inject
    ComplianceService compliance;

    @Inject
    ReportZone zone;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance today() {
        Instant now = clock.instant();
        ChecklistSet checklists = registry.current();
        ComplianceFigures today = compliance
                .figures(ReportPeriod.days(now, zone.get()).interval(), now)
                .get(0);
        return Templates.today(assembler.assemble(checklists, Occurrence.findCurrent(now), today, now));
    }
}
