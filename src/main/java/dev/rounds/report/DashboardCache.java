package dev.rounds.report;

import dev.rounds.cluster.Membership;
import dev.rounds.core.ReportZone;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.compliance.ComplianceService;
import dev.rounds.schedule.Occurrence;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's live part as last built and rendered, served again while nothing it shows can have changed: the same
 * {@link DataVersion} (a written batch of results, a sign-off or an occurrence's new status is an audit entry; a new
 * incident a fold) and the same cluster line. It is the same for everyone, so fifty operators polling it, or one
 * screen on the wall, cost one build every few seconds rather than one each: reading every probe's state and
 * rendering every line.
 */
@ApplicationScoped
public class DashboardCache {

    /** How far the clock may move before "due in", "as of" and today's compliance are worked out again. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    @Inject
    DataVersions versions;

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

    private record Kept(DataVersion version, ClusterLine cluster, RawString live) {

        boolean shows(DataVersion otherVersion, ClusterLine otherCluster) {
            return version.same(otherVersion) && cluster.equals(otherCluster);
        }
    }

    private volatile Kept kept;

    /** The live part of the dashboard as HTML: counters, setup panel and list. */
    public RawString live() {
        DataVersion version = versions.current(WINDOW);
        ClusterLine cluster = ClusterLine.of(membership.view(), !"h2".equals(dbKind));
        Kept found = kept;
        if (found != null && found.shows(version, cluster)) return found.live();
        // One build at a time: under load the requests that missed wait for it and take it
        synchronized (this) {
            found = kept;
            if (found != null && found.shows(version, cluster)) return found.live();
            Kept built = new Kept(version, cluster, new RawString(build(version, cluster)));
            kept = built;
            return built.live();
        }
    }

    private String build(DataVersion version, ClusterLine cluster) {
        Instant now = version.readAt();
        ComplianceFigures today = compliance
                .figures(ReportPeriod.days(now, zone.get()).interval(), now)
                .get(0);
        Dashboard dashboard =
                assembler.assemble(version.checklists(), Occurrence.findCurrent(now), today, now, zone.get());
        return DashboardPage.Templates.live(dashboard, cluster).render();
    }
}
