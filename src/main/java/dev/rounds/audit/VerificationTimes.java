package dev.rounds.audit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one verification spent its time: reading the log's rows, checking the chain (hashing, links) and checking
 * result digests against {@code probe_result}, each summed over the parallel walks, beside the wall time of the
 * whole. Costs two clock reads per entry, so {@code verify --timings} shows it and the plain verify does not.
 */
public final class VerificationTimes {

    private final AtomicLong readNanos = new AtomicLong();
    private final AtomicLong chainNanos = new AtomicLong();
    private final AtomicLong digestNanos = new AtomicLong();
    private volatile long wallNanos;
    private volatile int walks;

    void addWalk(long read, long chain, long digests) {
        readNanos.addAndGet(read);
        chainNanos.addAndGet(chain);
        digestNanos.addAndGet(digests);
    }

    void finish(long wall, int walkCount) {
        wallNanos = wall;
        walks = walkCount;
    }

    public double readSeconds() {
        return readNanos.get() / 1e9;
    }

    public double chainSeconds() {
        return chainNanos.get() / 1e9;
    }

    public double digestSeconds() {
        return digestNanos.get() / 1e9;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public int walks() {
        return walks;
    }

    /** One line: wall time, then each part summed over the walks. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%.3f s wall (parallel walks: %d); summed over the walks: reading rows %.3f s, chain (hash and"
                        + " links) %.3f s, digest checks %.3f s",
                wallSeconds(),
                walks,
                readSeconds(),
                chainSeconds(),
                digestSeconds());
    }
}
