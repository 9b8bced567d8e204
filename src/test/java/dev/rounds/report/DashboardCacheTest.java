package dev.rounds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.audit.AuditLog;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.qute.RawString;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's live part is built once while nothing it shows changes, and again as soon as something does: a
 * written result (its batch is an audit entry), any other audit entry, or the clock moving on.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class DashboardCacheTest {

    private static final ProbeKey PROBE = new ProbeKey("dash-cache", "web", 0, "dash-cache-web");

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(Map.of("inventory.yaml", """
                targets:
                  - id: dash-cache-web
                    address: 127.0.0.1:9
                """, "dash-cache.yaml", """
                id: dash-cache
                title: Dashboard cache
                cadence: daily
                due: 10h
                timezone: UTC
                activities:
                  - id: web
                    title: Dash cache web answers
                    signoff: none
                    probes: [{ type: tcp, target: dash-cache-web, every: 24h }]
                """));
    }

    @Inject
    DashboardCache dashboard;

    @Inject
    AuditLog audit;

    @Inject
    ResultWriter writer;

    @Inject
    ScheduleService schedule;

    @Inject
    TestClock clock;

    @Test
    void theSameLivePartServesAgainUntilAnAuditEntry() {
        schedule.tick();
        RawString first = dashboard.live();
        assertSame(first, dashboard.live(), "nothing changed: the part built before");

        audit.append(AuditLog.SYSTEM, "test.changed", "dashboard-cache", Map.of());

        assertNotSame(first, dashboard.live(), "an audit entry since: built again");
    }

    @Test
    void aWrittenResultShowsAtOnce() {
        schedule.tick();
        for (ProbeStatus status : List.of(ProbeStatus.UP, ProbeStatus.DOWN)) {
            dashboard.live();
            assertTrue(writer.submit(new ProbeResult(
                    PROBE,
                    "tcp",
                    clock.instant(),
                    Duration.ofMillis(1),
                    status,
                    Map.of(),
                    List.of(),
                    "dash cache " + status.label())));
            writer.flush();

            Element line = Jsoup.parse(dashboard.live().getValue())
                    .select("tr:contains(Dash cache web answers)")
                    .first();
            assertTrue(line != null, "the activity's line");
            assertEquals(
                    status.label(), line.select("details li .status").text(), "the probe as just written: " + line);
        }
    }

    @Test
    void theClockMovingOnBuildsItAgain() {
        RawString first = dashboard.live();

        clock.advance(DashboardCache.WINDOW);

        assertNotSame(first, dashboard.live());
    }
}
