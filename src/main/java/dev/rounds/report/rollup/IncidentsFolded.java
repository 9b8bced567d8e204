package dev.rounds.report.rollup;

/** A fold opened or ended incidents: observers that tell people about incidents can look now. */
public record IncidentsFolded(int changed) {}
