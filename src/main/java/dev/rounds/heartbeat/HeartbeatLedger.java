package dev.rounds.heartbeat;

import dev.rounds.probe.ProbeFacility;
import java.util.Optional;

/** Where the {@code heartbeat} probe reads what the jobs' pings said. */
public interface HeartbeatLedger extends ProbeFacility {

    /** The heartbeat's state, or empty if Rounds has not created it (yet). Blocks: call it off the event loop. */
    Optional<HeartbeatState> state(String name);
}
