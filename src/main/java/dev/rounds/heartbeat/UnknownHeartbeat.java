package dev.rounds.heartbeat;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A ping with a token no heartbeat has, or an admin request naming a heartbeat that does not exist. */
public class UnknownHeartbeat extends RoundsException {

    public UnknownHeartbeat(String detail) {
        super(404, ProblemTitle.NOT_FOUND, detail);
    }
}
