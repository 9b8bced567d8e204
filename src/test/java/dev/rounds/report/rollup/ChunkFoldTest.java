package dev.rounds.report.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.DownRun;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.report.rollup.ChunkFold.Coverage;
import dev.rounds.report.rollup.ChunkFold.NewIncident;
import dev.rounds.report.rollup.ChunkFold.ProbeRun;
import dev.rounds.report.rollup.ChunkFold.TargetKey;
import dev.rounds.report.rollup.ChunkFold.UnknownSpan;
import dev.rounds.report.rollup.ChunkFold.ValueKey;
import dev.rounds.report.sla.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A chunk folded in memory onto given stored state, without a database. */
class ChunkFoldTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant T = Instant.parse("2026-11-20T22:00:00Z");
    private static final ProbeKey CONTINUOUS = new ProbeKey("daily", "up", 0, "web");
    private static final ProbeKey ONCE = new ProbeKey("daily", "up", 1, "web");
    private static final ProbeSpec EVERY_MINUTE_CONFIRM_2 =
            new ProbeSpec(0, "tcp", "web", List.of(), Map.of(), Duration.ofMinutes(1), null, 2, List.of());
    private static final ProbeSpec PER_OCCURRENCE =
            new ProbeSpec(1, "tcp", "web", List.of(), Map.of(), null, null, 3, List.of());
    private static final Function<ProbeKey, ProbeSpec> SPECS =
            key -> key.probeIndex() == 0 ? EVERY_MINUTE_CONFIRM_2 : key.probeIndex() == 1 ? PER_OCCURRENCE : null;

    private long nextId = 1;

    private ResultRow result(ProbeKey key, Instant at, ProbeStatus status, long durationUs, String valuesJson) {
        return new ResultRow(nextId++, key.toString(), key, at, durationUs, status, valuesJson, status + " at " + at);
    }

    private ResultRow result(ProbeKey key, Instant at, ProbeStatus status) {
        return result(key, at, status, 1000, "{}");
    }

    private static ChunkFold fold(Map<String, ProbeRun> runs, Map<String, Coverage> coverage, ResultRow... results) {
        var fold = new ChunkFold(PARIS, SPECS, runs, coverage);
        for (ResultRow result : results) fold.add(result);
        return fold;
    }

    private static ChunkFold fold(ResultRow... results) {
        return fold(new HashMap<>(), new HashMap<>(), results);
    }

    @Test
    void targetBucketsSumPerUtcHourAndPerDayInTheReportZone() {
        ChunkFold fold = fold(
                result(CONTINUOUS, T.minusSeconds(1800), ProbeStatus.UP, 400, "{}"),
                result(CONTINUOUS, T.plusSeconds(50 * 60), ProbeStatus.UP, 1000, "{}"),
                result(CONTINUOUS, T.plusSeconds(55 * 60), ProbeStatus.ERROR, 9_000_000, "{}"),
                result(CONTINUOUS, T.plusSeconds(3599), ProbeStatus.DOWN, 3000, "{}"),
                // 23:05 UTC is 00:05 the next day in Paris
                result(CONTINUOUS, T.plusSeconds(65 * 60), ProbeStatus.WARN, 2000, "{}"),
                result(ONCE, T.plusSeconds(70 * 60), ProbeStatus.UNKNOWN, 5000, "{}"));

        TargetBucket hour22Utc = fold.hours().get(new TargetKey("web", T));
        assertArrayEquals(new long[] {1, 0, 1, 1, 0}, hour22Utc.counts, "up, warn, down, error, unknown");
        assertEquals(2, hour22Utc.latency.count(), "an error's duration is not latency");
        assertEquals(T.plusSeconds(50 * 60), hour22Utc.firstAt);
        assertEquals(T.plusSeconds(3599), hour22Utc.lastAt);
        TargetBucket hour23Utc = fold.hours().get(new TargetKey("web", T.plusSeconds(3600)));
        assertArrayEquals(new long[] {0, 1, 0, 0, 1}, hour23Utc.counts);
        assertEquals(2, hour23Utc.latency.count(), "an unknown's duration is latency");
        assertEquals(3, fold.hours().size());

        TargetBucket twentieth = fold.days().get(new TargetKey("web", LocalDate.parse("2026-11-20")));
        assertArrayEquals(new long[] {2, 0, 1, 1, 0}, twentieth.counts);
        assertEquals(T.minusSeconds(1800), twentieth.firstAt);
        assertArrayEquals(
                new long[] {0, 1, 0, 0, 1},
                fold.days().get(new TargetKey("web", LocalDate.parse("2026-11-21"))).counts);
        assertFalse(twentieth.stored, "nothing stored was added");
    }

    @Test
    void storedRowsAddToTheChunksBucket() {
        TargetBucket bucket = fold(result(CONTINUOUS, T.plusSeconds(600), ProbeStatus.DOWN))
                .hours()
                .get(new TargetKey("web", T));
        var stored = new LatencyHistogram();
        stored.recordMicros(500);
        stored.recordMicros(700);

        bucket.addStored(new long[] {5, 1, 0, 2, 0}, stored, T, T.plusSeconds(300));

        assertArrayEquals(new long[] {5, 1, 1, 2, 0}, bucket.counts);
        assertEquals(3, bucket.latency.count());
        assertEquals(T, bucket.firstAt);
        assertEquals(T.plusSeconds(600), bucket.lastAt, "the chunk's result is the later");
        assertTrue(bucket.stored);
    }

    @Test
    void valueBucketsTakeNumbersOnlyAndKeepTheLatestValueByTime() {
        ChunkFold fold = fold(
                result(CONTINUOUS, T.plusSeconds(120), ProbeStatus.UP, 1000, "{\"load\":3,\"ok\":true,\"name\":\"a\"}"),
                result(CONTINUOUS, T.plusSeconds(180), ProbeStatus.UP, 1000, "{\"load\":1.5}"),
                // earlier than the result before it: counted, but not the latest
                result(CONTINUOUS, T.plusSeconds(60), ProbeStatus.UP, 1000, "{\"load\":7}"),
                result(CONTINUOUS, T.plusSeconds(240), ProbeStatus.UP, 1000, "not json: at all"));

        ValueBucket load =
                fold.valueDays().get(new ValueKey(CONTINUOUS.toString(), "load", LocalDate.parse("2026-11-20")));
        assertEquals(3, load.count);
        assertEquals(11.5, load.sum);
        assertEquals(1.5, load.min);
        assertEquals(7, load.max);
        assertEquals(1.5, load.last);
        assertEquals(T.plusSeconds(180), load.lastAt);
        assertEquals("daily", load.checklistId);
        assertEquals(1, fold.valueDays().size(), "booleans and strings are not values");
    }

    @Test
    void anIncidentOpensAtConfirmDownsFromTheFirstAndAnUpInTheSameChunkEndsIt() {
        ResultRow confirming = result(CONTINUOUS, T.plusSeconds(180), ProbeStatus.DOWN);
        ChunkFold fold = fold(
                result(CONTINUOUS, T, ProbeStatus.UP),
                result(CONTINUOUS, T.plusSeconds(60), ProbeStatus.DOWN),
                result(CONTINUOUS, T.plusSeconds(120), ProbeStatus.ERROR),
                confirming,
                result(CONTINUOUS, T.plusSeconds(240), ProbeStatus.DOWN),
                result(CONTINUOUS, T.plusSeconds(300), ProbeStatus.UNKNOWN));

        assertEquals(1, fold.opened().size());
        NewIncident incident = fold.opened().get(0);
        assertEquals(T.plusSeconds(60), incident.startedAt, "from the first down");
        assertEquals(confirming, incident.confirming);
        assertTrue(incident.continuous);
        assertNull(incident.endedAt, "errors and unknowns do not end it");
        ProbeRun run = fold.runs().get(CONTINUOUS.toString());
        assertEquals(2, run.downs.downs(), "an open incident's run stays at the downs that confirmed it");
        assertFalse(run.stored);

        fold.add(result(CONTINUOUS, T.plusSeconds(360), ProbeStatus.WARN));

        assertEquals(T.plusSeconds(360), incident.endedAt);
        assertFalse(run.isOpen());
        assertEquals(0, run.downs.downs());
        assertNull(run.downs.firstDownAt());
    }

    @Test
    void aStoredRunCarriesOnAndAStoredIncidentEndsAtTheFirstUp() {
        var runs = new HashMap<String, ProbeRun>();
        runs.put(CONTINUOUS.toString(), new ProbeRun(new DownRun(1, T.minusSeconds(60)), null, true));
        runs.put(ONCE.toString(), new ProbeRun(new DownRun(3, T.minusSeconds(600)), 42L, true));

        ChunkFold fold = fold(
                runs,
                new HashMap<>(),
                result(CONTINUOUS, T, ProbeStatus.DOWN),
                result(ONCE, T, ProbeStatus.DOWN),
                result(ONCE, T.plusSeconds(60), ProbeStatus.UP));

        assertEquals(1, fold.opened().size());
        assertEquals(T.minusSeconds(60), fold.opened().get(0).startedAt, "the run began in an earlier chunk");
        assertEquals(Map.of(42L, T.plusSeconds(60)), fold.ended());
        assertNull(runs.get(ONCE.toString()).openId);
        assertEquals(0, runs.get(ONCE.toString()).downs.downs());
    }

    @Test
    void aProbeThatNoLongerExistsNeedsTheDefaultConfirmAndCoversNothing() {
        ProbeKey gone = new ProbeKey("daily", "up", 9, "old");
        ChunkFold fold = fold(result(gone, T, ProbeStatus.DOWN), result(gone, T.plusSeconds(60), ProbeStatus.DOWN));

        assertEquals(2, ProbeSpec.DEFAULT_CONFIRM, "the two downs below confirm by default");
        assertEquals(1, fold.opened().size());
        assertFalse(fold.opened().get(0).continuous);
        assertTrue(fold.coverage().isEmpty());
    }

    @Test
    void resultsThatStopAndResumeLeaveAnUnknownSpanAfterTwoIntervals() {
        ChunkFold fold = fold(
                result(CONTINUOUS, T, ProbeStatus.UP),
                result(CONTINUOUS, T.plusSeconds(60), ProbeStatus.DOWN),
                // neither an error nor a probe run once per occurrence vouches for the target
                result(CONTINUOUS, T.plusSeconds(400), ProbeStatus.ERROR),
                result(ONCE, T.plusSeconds(450), ProbeStatus.UP),
                result(CONTINUOUS, T.plusSeconds(600), ProbeStatus.UP),
                // slightly out of order: inside what is covered already, no span
                result(CONTINUOUS, T.plusSeconds(590), ProbeStatus.UP));

        assertEquals(List.of(new UnknownSpan("web", T.plusSeconds(180), T.plusSeconds(600))), fold.unknown());
        Coverage web = fold.coverage().get("web");
        assertEquals(T, web.firstCoveredAt);
        assertEquals(T.plusSeconds(720), web.coveredUntil);
    }

    @Test
    void storedCoverageLeavesASpanUpToTheChunksFirstResult() {
        var coverage = new HashMap<String, Coverage>();
        coverage.put("web", new Coverage(T.minusSeconds(3600), T.minusSeconds(600), true));

        ChunkFold fold = fold(new HashMap<>(), coverage, result(CONTINUOUS, T, ProbeStatus.DOWN));

        assertEquals(List.of(new UnknownSpan("web", T.minusSeconds(600), T)), fold.unknown());
        assertEquals(T.minusSeconds(3600), coverage.get("web").firstCoveredAt);
        assertEquals(T.plusSeconds(120), coverage.get("web").coveredUntil);
        assertTrue(coverage.get("web").stored);
    }
}
