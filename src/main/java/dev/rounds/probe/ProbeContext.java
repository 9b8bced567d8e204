package dev.rounds.probe;

import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The facilities a probe run may use.
 *
 * @param maxBytes the most a probe may read from a target
 */
public record ProbeContext(Vertx vertx, Clock clock, long maxBytes) {
}
