package dev.rounds.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the instances sharing one database know of each other and share the probes (docs/several-instances.md). */
@ConfigMapping(prefix = "rounds.cluster")
public interface ClusterConfig {

    /** How often an instance renews its lease and reads the others'. */
    @WithDefault("2s")
    Duration checkIn();

    /** How long a lease lasts without a check-in: an instance silent for longer is gone and its probes move. */
    @WithDefault("8s")
    Duration lease();

    /**
     * How long after its start an instance takes its share of the probes, so that every other instance has seen it
     * join first and none runs a probe twice; longer than two check-ins.
     */
    @WithDefault("6s")
    Duration settle();

    /**
     * How long an instance that stops cleanly keeps running its probes after announcing it, so that the others take
     * them over from a slot all of them agree on; longer than one check-in. Not waited for by an instance alone.
     */
    @WithDefault("3s")
    Duration handover();
}
