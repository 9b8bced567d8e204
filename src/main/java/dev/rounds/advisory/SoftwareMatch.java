package dev.rounds.advisory;

/** One inventory target whose software entry an advisory names. */
public record SoftwareMatch(String targetId, String software) {}
