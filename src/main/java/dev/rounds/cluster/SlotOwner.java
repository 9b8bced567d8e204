package dev.rounds.cluster;

import java.time.Instant;

/** Whether this instance runs a continuous probe's slot; an instance on its own runs every slot. */
@FunctionalInterface
public interface SlotOwner {

    SlotOwner ALONE = (probeHash, slot) -> true;

    /** @param probeHash the probe's {@link Rendezvous#hash} */
    boolean owns(long probeHash, Instant slot);
}
