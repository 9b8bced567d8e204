package dev.rounds.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How probes run, are scheduled and are written. */
@ConfigMapping(prefix = "rounds.probe")
public interface ProbeConfig {

    /** The most bytes a probe reads from a target before it stops reading and says the answer was cut. */
    @WithDefault("1048576")
    long maxBytes();

    /** The most results written in one transaction (at most {@link ResultWriter#ID_BLOCK}). */
    @WithDefault("1000")
    int batchSize();

    /**
     * The longest a result waits in the writer's queue before its batch is written. Each batch is one audit digest
     * entry, so this bounds the audit log's growth: 5 s is 17,280 entries a day at most (docs/sizing.md).
     */
    @WithDefault("5s")
    Duration flushInterval();

    /** How many results may wait for the writer; while it is full the scheduler holds due probes back. */
    @WithDefault("100000")
    int queueCapacity();

    /** The most probes the scheduler runs at the same time; further due probes wait their turn. */
    @WithDefault("512")
    int maxConcurrency();

    /** How often the scheduler looks for due probes: the floor of its start lag. */
    @WithDefault("100ms")
    Duration tick();

    /**
     * How long a stop waits for the probe runs in flight to hand over their results; runs still going then are not
     * written, and their span shows as unknown time. Well under a service manager's stop timeout (systemd: 90 s).
     */
    @WithDefault("10s")
    Duration stopGrace();
}
