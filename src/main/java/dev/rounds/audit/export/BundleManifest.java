package dev.rounds.audit.export;

/**
 * What an export bundle's manifest says, as far as the caller needs it after writing.
 *
 * @param sha256 the SHA-256 of {@code manifest.json}, to record outside the bundle
 * @param lastSeq the last entry of the slice, {@code null} when the range holds none
 * @param headSeq the chain head when the bundle was written
 */
public record BundleManifest(
        String sha256, long entries, Long lastSeq, String lastHash, long headSeq, String headHash) {}
