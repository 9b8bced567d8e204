package dev.rounds.audit;

/**
 * H2's object cache, off for a process that walks the whole audit log once. H2 passes every value it reads through
 * one small array shared by all threads, hashing each string to find its slot and writing the slot back: with the
 * walks on both cores that array is the hottest memory of the process, and a plain read of a million entries took
 * 40% less CPU without it (VerifyBenchmark). Nothing is read twice in a walk, so the cache saves nothing there. The
 * server keeps H2's default: its reads were not measured.
 */
public final class H2ObjectCache {

    private H2ObjectCache() {}

    /** Turns the cache off; only before H2's classes load, which read the setting once. */
    public static void disable() {
        System.setProperty("h2.objectCache", "false");
    }
}
