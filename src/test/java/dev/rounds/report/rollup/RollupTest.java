package dev.rounds.report.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.audit.AuditVerifier;
import dev.rounds.audit.ResultDigest;
import dev.rounds.audit.VerificationReport;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import dev.rounds.core.SqlTimestamps;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.report.sla.LatencyHistogram;
import dev.rounds.report.sla.SlaFigures;
import dev.rounds.report.sla.SlaService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results written through the real writer and folded by the real job into the shared H2 database. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class RollupTest {

    /**
     * A November morning: reports' days are UTC days in the shared test application, and in November (as on the
     * January to March days retention is tested on) London's days are the same, so the figures are London's too.
     */
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(RollupChecklists.FILES);
    }

    @Inject
    ResultWriter writer;

    @Inject
    RollupJob job;

    @Inject
    Rollups rollups;

    @Inject
    ResultRetention retention;

    @Inject
    AuditVerifier verifier;

    @Inject
    SlaService sla;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    private static String uniqueTarget() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ProbeResult result(String target, int probe, Instant at, ProbeStatus status, long micros) {
        return new ProbeResult(
                new ProbeKey("rollup", "web", probe, target),
                "tcp",
                at,
                Duration.ofNanos(micros * 1000),
                status,
                Map.of(
                        "connect_time",
                        Duration.ofNanos(micros * 1000),
                        "connected",
                        status == ProbeStatus.UP,
                        "queue",
                        (int) (micros % 7)),
                List.of(),
                status.label() + " at " + at);
    }

    private void fold(ProbeResult... results) {
        for (ProbeResult result : results) assertTrue(writer.submit(result));
        writer.flush();
        job.catchUp();
    }

    @Test
    void hourlyAndDailyCountsAndHistogramsMatchTheRawResults() throws Exception {
        String target = uniqueTarget();
        ProbeStatus[] statuses = ProbeStatus.values();
        var results = new ArrayList<ProbeResult>();
        for (int i = 0; i < 50; i++) {
            // 10:00 to 13:03 UTC on one London day, and a few the day after
            Instant at = i < 45
                    ? T.plusSeconds(i * 250L)
                    : T.plus(Duration.ofDays(1)).plusSeconds(i);
            results.add(result(target, i % 2, at, statuses[i % statuses.length], 100 + i * 37L));
        }
        fold(results.toArray(ProbeResult[]::new));

        var rawHistogram = new LatencyHistogram();
        long[] rawCounts = new long[5];
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT status, duration_us, started_at FROM probe_result WHERE target_id = ? AND started_at < ?")) {
            select.setString(1, target);
            select.setObject(2, SqlTimestamps.timestamp(T.plus(Duration.ofHours(14))));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ProbeStatus status = ProbeStatus.valueOf(rows.getString(1).toUpperCase());
                    rawCounts[status.ordinal()]++;
                    if (status != ProbeStatus.ERROR) rawHistogram.recordMicros(rows.getLong(2));
                }
            }
        }
        List<HourStats> hours = rollups.hours(target, new Interval(T, T.plus(Duration.ofDays(2))));
        assertEquals(
                List.of(T, T.plusSeconds(3600), T.plusSeconds(7200), T.plusSeconds(10800), T.plus(Duration.ofDays(1))),
                hours.stream().map(HourStats::hourStart).toList());
        assertEquals(15, hours.get(0).counts().total(), "250 s apart: 10:00:00 to 10:58:20");
        var fromHours = new LatencyHistogram();
        hours.subList(0, 4).forEach(hour -> fromHours.merge(hour.latency()));
        assertEquals(rawHistogram, fromHours);

        List<DayStats> days = rollups.days(target, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21));
        assertEquals(2, days.size());
        ResultCounts day = days.get(0).counts();
        assertEquals(
                List.of(rawCounts[0], rawCounts[1], rawCounts[2], rawCounts[3], rawCounts[4]),
                List.of(day.up(), day.warn(), day.down(), day.error(), day.unknown()));
        assertEquals(rawHistogram, days.get(0).latency());
        assertEquals(T, days.get(0).firstAt());
        assertEquals(T.plusSeconds(44 * 250L), days.get(0).lastAt());
        assertEquals(5, days.get(1).counts().total());

        Instant londonMidnight = Instant.parse("2026-11-20T00:00:00Z");
        assertEquals(
                rawHistogram,
                rollups.latency(target, new Interval(londonMidnight, londonMidnight.plus(Duration.ofDays(1)))),
                "a whole day read from its daily row");
        assertEquals(
                rawHistogram.count() + 5 - 1,
                rollups.latency(target, new Interval(T, T.plus(Duration.ofDays(2))))
                        .count(),
                "the edges read from hourly rows");

        String probe = new ProbeKey("rollup", "web", 0, target).toString();
        List<ValuePoint> queue =
                rollups.values(probe, "queue", new Interval(londonMidnight, londonMidnight.plus(Duration.ofDays(1))));
        var even = results.stream()
                .limit(45)
                .filter(r -> r.key().probeIndex() == 0)
                .toList();
        assertEquals(1, queue.size());
        assertEquals(even.size(), queue.get(0).count());
        assertEquals(
                even.stream().mapToInt(r -> (Integer) r.values().get("queue")).sum(),
                queue.get(0).sum());
        assertEquals(
                even.stream()
                        .mapToInt(r -> (Integer) r.values().get("queue"))
                        .min()
                        .orElseThrow(),
                queue.get(0).min());
        assertEquals(
                ((Integer) even.get(even.size() - 1).values().get("queue")).doubleValue(),
                queue.get(0).last());
        assertEquals(
                List.of("connect_time", "queue"),
                rollups.valueNames("rollup", "web").get(probe),
                "numbers only: 'connected' is a boolean");
    }

    @Test
    void anIncidentOpensAfterConfirmDownsCountsFromTheFirstAndOnlyAnUpEndsIt() {
        String target = uniqueTarget();
        fold(
                result(target, 0, T, ProbeStatus.DOWN, 10),
                result(target, 0, T.plusSeconds(60), ProbeStatus.DOWN, 10),
                result(target, 0, T.plusSeconds(90), ProbeStatus.ERROR, 10));
        Interval day = new Interval(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)));
        assertTrue(rollups.incidents(target, day).isEmpty(), "two downs and an error do not confirm three");

        fold(
                result(target, 0, T.plusSeconds(120), ProbeStatus.DOWN, 10),
                result(target, 0, T.plusSeconds(180), ProbeStatus.ERROR, 10),
                result(target, 0, T.plusSeconds(200), ProbeStatus.UNKNOWN, 10));
        List<Incident> incidents = rollups.incidents(target, day);
        assertEquals(1, incidents.size());
        Incident incident = incidents.get(0);
        assertEquals(T, incident.startedAt());
        assertEquals(T.plusSeconds(120), incident.confirmedAt());
        assertEquals("down at " + T.plusSeconds(120), incident.message());
        assertTrue(incident.continuous());
        assertTrue(incident.isOpen(), "errors and unknowns do not end it");

        fold(
                result(target, 0, T.plusSeconds(240), ProbeStatus.DOWN, 10),
                result(target, 0, T.plusSeconds(300), ProbeStatus.UP, 10),
                result(target, 0, T.plusSeconds(360), ProbeStatus.DOWN, 10));
        Incident ended = rollups.incidents(target, day).get(0);
        assertEquals(T.plusSeconds(300), ended.endedAt());
        assertEquals(1, rollups.incidents(target, day).size(), "one down after the up is not an incident");
        assertTrue(rollups.incidents(day).stream().anyMatch(any -> any.id() == ended.id()));
        assertTrue(rollups.incidents(target, new Interval(T.plusSeconds(300), T.plusSeconds(400)))
                .isEmpty());
    }

    @Test
    void resultsThatStopAndResumeLeaveAnUnknownSpan() {
        String target = uniqueTarget();
        String never = uniqueTarget();
        fold(
                result(target, 0, T, ProbeStatus.UP, 10),
                result(target, 0, T.plusSeconds(60), ProbeStatus.DOWN, 10),
                result(target, 0, T.plusSeconds(120), ProbeStatus.UP, 10),
                // nothing covers from 10:04: errors and the once-per-occurrence probe say nothing about availability
                result(target, 0, T.plusSeconds(400), ProbeStatus.ERROR, 10),
                result(target, 1, T.plusSeconds(450), ProbeStatus.UP, 10),
                result(target, 0, T.plusSeconds(600), ProbeStatus.UP, 10),
                // slightly out of order: inside what is covered already, no negative span
                result(target, 0, T.plusSeconds(590), ProbeStatus.UP, 10),
                result(never, 1, T, ProbeStatus.UP, 10));
        Interval hour = new Interval(T.minusSeconds(600), T.plusSeconds(3000));

        assertEquals(
                List.of(
                        new Interval(T.minusSeconds(600), T),
                        new Interval(T.plusSeconds(240), T.plusSeconds(600)),
                        new Interval(T.plusSeconds(720), T.plusSeconds(1000))),
                rollups.unknown(target, hour, T.plusSeconds(1000)));
        assertEquals(
                List.of(new Interval(T.minusSeconds(600), T.plusSeconds(1000))),
                rollups.unknown(never, hour, T.plusSeconds(1000)),
                "never probed continuously: all unknown");
        assertEquals(List.of(), rollups.unknown(target, new Interval(T, T.plusSeconds(200)), T.plusSeconds(1000)));
    }

    @Test
    void retentionDeletesOnlyOldRolledUpResultsAndTheAuditSaysSo() throws Exception {
        String target = uniqueTarget();
        Instant old = Instant.parse("2001-01-10T12:00:00Z");
        Instant recent = Instant.parse("2001-05-10T12:00:00Z");
        fold(
                result(target, 0, old, ProbeStatus.UP, 10),
                result(target, 0, old.plusSeconds(60), ProbeStatus.UP, 10),
                result(target, 0, recent, ProbeStatus.UP, 10));
        assertTrue(writer.submit(result(target, 0, old.plusSeconds(120), ProbeStatus.DOWN, 10)));
        writer.flush(); // written, not yet rolled up
        clock.set(Instant.parse("2001-06-01T00:00:00Z"));
        try {
            assertTrue(retention.prune() >= 2);
        } finally {
            clock.set(TestClock.START);
        }
        assertEquals(
                List.of(old.plusSeconds(120), recent),
                startedAt(target),
                "the recent result and the one not yet rolled up stay");
        assertEquals(
                2,
                rollups.days(target, LocalDate.of(2001, 1, 10), LocalDate.of(2001, 1, 10))
                        .get(0)
                        .counts()
                        .up(),
                "rollups are kept");

        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT detail FROM audit_log WHERE action = ? ORDER BY seq DESC")) {
            select.setString(1, ResultDigest.PRUNED_ACTION);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertTrue(
                        rows.getString(1).contains("\"started_before\":\"2001-03-03T00:00:00Z\""), rows.getString(1));
            }
        }
        VerificationReport report = verifier.verify();
        assertTrue(report.ok(), () -> String.valueOf(report.firstBroken()));
        assertTrue(report.digestsSkipped() > 0);
        assertTrue(report.digestsNote().contains("pruned"), report.digestsNote());
        job.catchUp();
    }

    /**
     * A closed month's SLA figures and daily values read the same once its raw results and hourly rollups are
     * pruned: reports count whole days from daily rollups (docs/sizing.md). February 2002 is this test's alone.
     */
    @Test
    void reportsOfAClosedMonthAreTheSameAfterRawResultsAndHourlyRollupsArePruned() throws Exception {
        Instant from = Instant.parse("2002-02-10T00:00:00Z");
        var results = new ArrayList<ProbeResult>();
        for (int minute = 0; minute < 3 * 1440; minute++) {
            boolean down = minute >= 600 && minute < 610;
            results.add(result(
                    "rollup-web",
                    0,
                    from.plus(Duration.ofMinutes(minute)),
                    down ? ProbeStatus.DOWN : ProbeStatus.UP,
                    200 + minute % 500));
        }
        fold(results.toArray(ProbeResult[]::new));
        Interval february = new Interval(Instant.parse("2002-02-01T00:00:00Z"), Instant.parse("2002-03-01T00:00:00Z"));
        String probe = new ProbeKey("rollup", "web", 0, "rollup-web").toString();
        SlaFigures before;
        List<ValuePoint> valuesBefore;
        clock.set(Instant.parse("2002-03-01T08:00:00Z"));
        try {
            before = sla.of("rollup-web", february).orElseThrow();
            valuesBefore = rollups.values(probe, "queue", february);
            clock.set(Instant.parse("2002-06-01T00:00:00Z"));
            retention.prune();
            assertEquals(
                    0,
                    rows("SELECT COUNT(*) FROM probe_result WHERE target_id = 'rollup-web'"
                            + " AND started_at < TIMESTAMP WITH TIME ZONE '2002-03-01 00:00:00Z'"));
            assertEquals(
                    0,
                    rows("SELECT COUNT(*) FROM rollup_target_hour WHERE target_id = 'rollup-web'"
                            + " AND bucket_start < TIMESTAMP WITH TIME ZONE '2002-03-01 00:00:00Z'"));
            clock.set(Instant.parse("2002-03-01T08:00:00Z"));
            assertEquals(before, sla.of("rollup-web", february).orElseThrow());
            assertEquals(valuesBefore, rollups.values(probe, "queue", february));
        } finally {
            clock.set(TestClock.START);
        }
        assertEquals(1, before.incidents(), "the ten minutes down are one incident");
        assertEquals(3, valuesBefore.size(), "a value a day");
    }

    private long rows(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<Instant> startedAt(String target) throws Exception {
        var found = new ArrayList<Instant>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT started_at FROM probe_result WHERE target_id = ? ORDER BY started_at")) {
            select.setString(1, target);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) found.add(SqlTimestamps.instant(rows, 1));
            }
        }
        return found;
    }

    @Test
    void aProbeThatNoLongerExistsNeedsTheDefaultConfirmAndItsIncidentEndsAtItsLastResult() {
        String target = uniqueTarget();
        ProbeResult gone = new ProbeResult(
                new ProbeKey("rollup", "removed", 0, target),
                "tcp",
                T,
                Duration.ZERO,
                ProbeStatus.DOWN,
                Map.of(),
                List.of(),
                "refused");
        fold(
                gone,
                new ProbeResult(
                        gone.key(),
                        "tcp",
                        T.plusSeconds(60),
                        Duration.ZERO,
                        ProbeStatus.DOWN,
                        Map.of(),
                        List.of(),
                        "refused"));
        List<Incident> incidents = rollups.incidents(target, new Interval(T, T.plusSeconds(3600)));
        assertEquals(1, incidents.size());
        assertFalse(incidents.get(0).continuous());
        assertEquals(
                T.plusSeconds(60),
                incidents.get(0).endedAt(),
                "no up result of a removed probe will ever end it: it ends at the last result");
    }
}
