package dev.rounds.report.rollup;

import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.ProbeKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Folds the next chunk of {@code probe_result} rows after the watermark into the rollup tables, on the caller's
 * connection and transaction. All state lives in the tables, so a fold resumed after a restart, or split into
 * smaller chunks, gives the same rollups. Each chunk is folded in memory ({@link ChunkFold}) onto the state
 * {@link RollupStore} loads for the keys it touches, and written with one statement per bucket, probe and target
 * it touched.
 */
public final class RollupFold {

    private final int chunk;
    private final ZoneId zone;
    private final Function<ProbeKey, ProbeSpec> specs;
    private final MissingBlocks missingBlocks;
    private final AtomicLong incidentChanges = new AtomicLong();

    /**
     * @param specs the probe a result's key names as now configured, or {@code null} when it no longer exists
     * @param settle how long a missing block of result ids holds the fold back before it is taken as never coming
     */
    public RollupFold(int chunk, ZoneId zone, Function<ProbeKey, ProbeSpec> specs, Clock clock, Duration settle) {
        if (chunk < 1) throw new IllegalArgumentException("rounds.rollup.chunk must be at least 1, got " + chunk);
        this.chunk = chunk;
        this.zone = zone;
        this.specs = specs;
        this.missingBlocks = new MissingBlocks(clock, settle);
    }

    /** Folds up to one chunk of new results and moves the watermark past them; returns how many were folded. */
    public int foldNextChunk(Connection connection) throws SQLException {
        var store = new RollupStore(connection);
        long watermark = store.lockWatermark();
        List<ResultRow> results = store.results(watermark, chunk);
        results = results.subList(0, missingBlocks.settled(results, watermark));
        if (results.isEmpty()) return 0;
        var fold = new ChunkFold(zone, specs, store.runs(results), store.coverage(results));
        results.forEach(fold::add);
        store.addStoredBuckets(fold);
        store.write(fold);
        store.moveWatermark(results.get(results.size() - 1).id());
        incidentChanges.addAndGet(fold.opened().size() + fold.ended().size());
        return results.size();
    }

    /** How many incidents the folds so far opened or ended (counted when folded, also if not committed after). */
    public long incidentChanges() {
        return incidentChanges.get();
    }
}
