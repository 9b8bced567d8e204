package dev.rounds.heartbeat;

import java.time.Instant;

/**
 * What a heartbeat's latest pings say.
 *
 * @param lastPingAt the latest ping of any kind, or {@code null} before the first
 * @param lastStatus {@code up}, {@code started}, {@code failed}, or {@value #NEVER} before the first ping
 * @param lastSuccessAt the latest successful ping, or {@code null} if there was none
 * @param lastMessage the text the latest ping carried, if any
 */
public record HeartbeatState(
        String name, Instant lastPingAt, String lastStatus, Instant lastSuccessAt, String lastMessage) {

    /** The status of a heartbeat that has never been pinged. */
    public static final String NEVER = "never";
}
