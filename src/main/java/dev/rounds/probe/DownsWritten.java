package dev.rounds.probe;

/**
 * A batch of results holding at least one {@code down} has been committed: observers that turn downs into incidents
 * can look now instead of at their next interval, so that an outage is told within seconds of its results.
 */
public record DownsWritten(int downs) {}
