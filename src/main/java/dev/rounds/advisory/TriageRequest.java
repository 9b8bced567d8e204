package dev.rounds.advisory;

/**
 * A person's decision about an advisory.
 *
 * @param state {@code applies}, {@code not_applicable} or {@code patched}
 * @param note why, optional
 */
public record TriageRequest(String state, String note) {}
