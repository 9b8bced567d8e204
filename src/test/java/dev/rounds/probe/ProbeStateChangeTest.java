package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a batch says about each probe's probe_state row, without a database. */
class ProbeStateChangeTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00.000000500Z");

    private static StoredResult result(String target, int second, ProbeStatus status) {
        return StoredResult.of(new ProbeResult(
                new ProbeKey("daily", "up", 0, target),
                "tcp",
                START.plusSeconds(second),
                Duration.ofMillis(1),
                status,
                Map.of(),
                List.of(),
                status + " " + second));
    }

    @Test
    void oneChangePerProbeInOrderOfItsFirstResultWithItsLastResultAndId() {
        List<ProbeStateChange> changes = new ArrayList<>(ProbeStateChange.of(
                100,
                List.of(
                        result("b", 0, ProbeStatus.UP),
                        result("a", 1, ProbeStatus.DOWN),
                        result("b", 2, ProbeStatus.WARN))));

        assertEquals(2, changes.size());
        assertEquals("b", changes.get(0).key().targetId());
        assertEquals(102, changes.get(0).lastId());
        assertEquals("WARN 2", changes.get(0).last().message());
        assertEquals("a", changes.get(1).key().targetId());
        assertEquals(101, changes.get(1).lastId());
    }

    @Test
    void theRunOfDownsTheBatchEndsWithCountsFromItsFirstDownInMicroseconds() {
        ProbeStateChange change = ProbeStateChange.of(
                        1,
                        List.of(
                                result("a", 0, ProbeStatus.DOWN),
                                result("a", 1, ProbeStatus.UP),
                                result("a", 2, ProbeStatus.DOWN),
                                result("a", 3, ProbeStatus.ERROR),
                                result("a", 4, ProbeStatus.DOWN)))
                .iterator()
                .next();

        assertTrue(change.run().ended(), "the up ended whatever run the stored row holds");
        assertEquals(2, change.run().downs());
        assertEquals(Instant.parse("2026-11-26T08:00:02Z"), change.run().firstDownAt());
        assertEquals(ProbeStatus.DOWN, change.last().status());
    }

    @Test
    void downsAloneCarryOnTheStoredRun() {
        ProbeStateChange change = ProbeStateChange.of(
                        1, List.of(result("a", 0, ProbeStatus.UNKNOWN), result("a", 1, ProbeStatus.DOWN)))
                .iterator()
                .next();

        assertFalse(change.run().ended());
        assertEquals(1, change.run().downs());

        ProbeStateChange quiet = ProbeStateChange.of(1, List.of(result("a", 0, ProbeStatus.ERROR)))
                .iterator()
                .next();
        assertFalse(quiet.run().ended());
        assertEquals(0, quiet.run().downs());
        assertNull(quiet.run().firstDownAt());
    }
}
