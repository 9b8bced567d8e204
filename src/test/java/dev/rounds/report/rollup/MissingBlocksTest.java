package dev.rounds.report.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.TestClock;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which results after the watermark the fold may take while a block of ids is missing, without a database. */
class MissingBlocksTest {

    private static final int BLOCK = ResultWriter.ID_BLOCK;

    private final TestClock clock = new TestClock();
    private final MissingBlocks blocks = new MissingBlocks(clock, Duration.ofMinutes(1));

    private static List<ResultRow> ids(long... ids) {
        ProbeKey key = new ProbeKey("daily", "up", 0, "web");
        return Arrays.stream(ids)
                .mapToObj(id -> new ResultRow(id, key.toString(), key, Instant.EPOCH, 1, ProbeStatus.UP, "{}", null))
                .toList();
    }

    @Test
    void consecutiveBlocksAreAllTaken() {
        assertEquals(4, blocks.settled(ids(1, 2, BLOCK + 1, 2 * BLOCK + 7), 0));
    }

    @Test
    void aMissingBlockHoldsBackWhatComesAfterItUntilItSettles() {
        List<ResultRow> results = ids(BLOCK + 1, BLOCK + 2, 3 * BLOCK + 1);

        assertEquals(2, blocks.settled(results, BLOCK));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(2, blocks.settled(results, BLOCK), "the minute counts from when the gap was first seen");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(3, blocks.settled(results, BLOCK));
    }

    @Test
    void aGapRightAfterTheWatermarkHoldsBackEverything() {
        assertEquals(0, blocks.settled(ids(2 * BLOCK + 1), 0));
    }

    @Test
    void eachGapWaitsItsOwnMinute() {
        assertEquals(1, blocks.settled(ids(1, 2 * BLOCK + 1), 0));
        clock.advance(Duration.ofMinutes(5));
        // the first gap settled and the watermark passed it; the next one is new
        assertEquals(1, blocks.settled(ids(2 * BLOCK + 1, 4 * BLOCK + 1), 2 * BLOCK));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(2, blocks.settled(ids(2 * BLOCK + 1, 4 * BLOCK + 1), 2 * BLOCK));
    }
}
