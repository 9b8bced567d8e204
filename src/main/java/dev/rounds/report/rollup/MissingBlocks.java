package dev.rounds.report.rollup;

import dev.rounds.probe.ResultWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of the results after the watermark can be folded now. Each batch of results takes its own block of ids,
 * and with several instances writing, a later block can commit before an earlier one: a block missing after the
 * watermark may still arrive, and moving the watermark past it would leave it out of the rollups for good. So the
 * fold stops before a missing block until it has been missing for {@code settle}; then it takes it as rolled back.
 */
final class MissingBlocks {

    private final Clock clock;
    private final Duration settle;
    /** The first id block missing after the watermark, by when it was first seen missing. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();

    MissingBlocks(Clock clock, Duration settle) {
        this.clock = clock;
        this.settle = settle;
    }

    /** How many of the results, read in id order after {@code watermark}, come before a block that may still come. */
    int settled(List<ResultRow> results, long watermark) {
        long folded = block(watermark);
        gapsSeen.keySet().removeIf(missing -> missing <= folded);
        long block = folded;
        for (int i = 0; i < results.size(); i++) {
            long next = block(results.get(i).id());
            if (next > block + 1) {
                Instant seen = gapsSeen.computeIfAbsent(block + 1, missing -> clock.instant());
                if (clock.instant().isBefore(seen.plus(settle))) return i;
            }
            block = next;
        }
        return results.size();
    }

    private static long block(long id) {
        return Math.floorDiv(id - 1, ResultWriter.ID_BLOCK);
    }
}
