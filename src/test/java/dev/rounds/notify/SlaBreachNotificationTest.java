package dev.rounds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.report.rollup.RollupJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A target below its objective over a month that is known throughout is notified as breached, once per target and
 * month, however often the watch looks. Results go through the real writer and the real rollup fold.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class SlaBreachNotificationTest {

    private static final String TARGET = "sb-web";
    private static final String CHECKLIST = "sb-weekly";
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(Map.of(
                "inventory.yaml", """
                        targets:
                          - id: %s
                            address: 127.0.0.1:1
                            sla: 99.5%%
                        """.formatted(TARGET),
                "weekly.yaml", """
                        id: %s
                        title: Breach watch
                        cadence: weekly
                        timezone: UTC
                        activities:
                          - id: uptime
                            title: Web answers
                            enabled: false
                            reason: the test writes this probe's results itself
                            probes:
                              - type: tcp
                                target: %s
                                every: 1h
                                confirm: 1
                        """.formatted(CHECKLIST, TARGET)));
    }

    @Inject
    ResultWriter writer;

    @Inject
    RollupJob rollups;

    @Inject
    SlaBreachWatch breaches;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @Test
    void aBreachedSlaIsNotifiedOncePerTargetAndMonth() throws Exception {
        // every hour of May known; 10 hours down of 744 is 98.66%, below the objective of 99.5%
        for (int hour = 0; hour < 31 * 24; hour++) {
            boolean down = hour >= 100 && hour < 110;
            Instant at = MAY.plus(Duration.ofHours(hour));
            assertTrue(writer.submit(new ProbeResult(
                    new ProbeKey(CHECKLIST, "uptime", 0, TARGET),
                    "tcp",
                    at,
                    Duration.ofMillis(5),
                    down ? ProbeStatus.DOWN : ProbeStatus.UP,
                    Map.of("connected", !down),
                    List.of(),
                    down ? "connection refused" : "connected")));
        }
        writer.flush();
        rollups.catchUp();
        clock.set(Instant.parse("2026-05-31T23:30:00Z"));

        List<NotificationEvent> first = breaches.check();
        breaches.check();

        assertEquals(
                List.of("sla-breached:" + TARGET + ":2026-05"),
                first.stream().map(NotificationEvent::key).toList());
        assertTrue(
                first.get(0).text().contains("below its objective of 99.500%"),
                first.get(0).text());
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM notification WHERE event_key = ?")) {
            count.setString(1, "sla-breached:" + TARGET + ":2026-05");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the second look sends nothing more");
            }
        }
    }
}
