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
 * rendering every line. Requests that arrive while it is rebuilt get the one before ({@link SharedBuild}); the page
 * says as of when.
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

    /** What the live part shows: the data, and the cluster line (a member's check-in changes it). */
    private record Shown(DataVersion data, ClusterLine cluster) {

        boolean same(Shown other) {
            return data.same(other.data) && cluster.equals(other.cluster);
        }
    }

    /** How old a live part may be to be taken while another request rebuilds it: the page's own refresh. */
    private static final Duration STALE_AT_MOST = Duration.ofSeconds(30);

    private final SharedBuild<Shown, RawString> live = new SharedBuild<>(Shown::same, STALE_AT_MOST);

    /** The live part of the dashboard as HTML: counters, setup panel and list. */
    public RawString live() {
        var shown = new Shown(versions.current(WINDOW), ClusterLine.of(membership.view(), !"h2".equals(dbKind)));
        return live.get(shown, s -> new RawString(build(s.data(), s.cluster())));
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
