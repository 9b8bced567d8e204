package dev.rounds.report.controls;

/**
 * A file attached to a sign-off.
 *
 * @param name the uploader's name for it
 * @param sha256 lowercase hex SHA-256 of its bytes, under which Rounds keeps it
 * @param size in bytes
 */
public record EvidenceFile(String name, String sha256, long size) {}
