package dev.rounds.report;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.cluster.Membership;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's morning page: every current occurrence once, failures first, with the one action it asks for; its
 * live part refreshes itself.
 */
@Path("/")
@Authenticated
public class DashboardPage {

    static final String LIVE = "live";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Dashboard dashboard, ClusterLine cluster);

        /** The part of the page that refreshes itself: counters, setup panel and list. */
        static native TemplateInstance today$live(Dashboard dashboard, ClusterLine cluster);
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

    @Inject
    Membership membership;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** The whole page, or with {@code ?fragment=live} only its live part, which {@code /static/dashboard.js} fetches. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance today(@QueryParam("fragment") String fragment) {
        Instant now = clock.instant();
        ChecklistSet checklists = registry.current();
        ComplianceFigures today = compliance
                .figures(ReportPeriod.days(now, zone.get()).interval(), now)
                .get(0);
        Dashboard dashboard = assembler.assemble(checklists, Occurrence.findCurrent(now), today, now, zone.get());
        ClusterLine cluster = ClusterLine.of(membership.view(), !"h2".equals(dbKind));
        return LIVE.equals(fragment) ? Templates.today$live(dashboard, cluster) : Templates.today(dashboard, cluster);
    }
}
