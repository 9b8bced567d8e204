package dev.rounds.probe;

import java.time.Duration;
import java.time.Instant;

/** When a continuous probe runs: its slots, spread over its interval and the same on every instance and restart. */
public final class ProbeSlots {

    private ProbeSlots() {}

    /**
     * The first instant at or after {@code now} in the probe's slot: its interval's boundaries shifted by a
     * stable offset derived from its key, so that the slot is the same on every instance and after every restart.
     */
    public static Instant firstRun(ProbeKey key, Duration every, Instant now) {
        long interval = Math.max(1, every.toMillis());
        long offset = Math.floorMod(spread(key.toString().hashCode()), interval);
        long nowMillis = now.toEpochMilli();
        long slot = Math.floorDiv(nowMillis - offset, interval) * interval + offset;
        return Instant.ofEpochMilli(slot < nowMillis ? slot + interval : slot);
    }

    /** Mixes a string hash so that keys differing in one character land far apart (MurmurHash3's finaliser). */
    private static long spread(int hash) {
        long h = hash & 0xffffffffL;
        h ^= h >>> 16;
        h *= 0x85ebca6bL;
        h &= 0xffffffffL;
        h ^= h >>> 13;
        h *= 0xc2b2ae35L;
        h &= 0xffffffffL;
        return h ^ (h >>> 16);
    }
}
