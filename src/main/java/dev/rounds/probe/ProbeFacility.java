package dev.rounds.probe;

/**
 * A service a probe type needs beyond network I/O, such as the heartbeat ledger or the advisory store. Each is
 * an interface extending this one, implemented by a CDI bean; the {@link ProbeRunner} hands every such bean to
 * the probes through {@link ProbeContext#facility(Class)}, so probe types stay plain classes that
 * {@code validate} can load without the application.
 */
public interface ProbeFacility {}
