package dev.rounds.cluster;

import java.nio.charset.StandardCharsets;

/**
 * Rendezvous (highest random weight) hashing: each probe goes to the member whose combined hash with it is highest.
 * When a member leaves, only its probes move, and every other probe keeps its member: a member that did not win a
 * probe before does not win it when another drops out. Icinga 2 spreads checks over an HA zone the same way.
 */
public final class Rendezvous {

    private Rendezvous() {}

    /** A 64-bit hash of a name (FNV-1a over its UTF-8 bytes, then mixed), stable across instances and restarts. */
    public static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The weight of a probe with a member: higher wins. */
    static long weight(long probeHash, long memberHash) {
        return mix(probeHash ^ memberHash);
    }

    /** SplitMix64's finaliser: every input bit flips about half of the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
