package dev.rounds.audit;

/**
 * The outcome of verifying the audit chain and the probe-result digests anchored in it.
 *
 * @param ok true when no entry is broken
 * @param entriesChecked entries whose hash and links were verified intact
 * @param headSeq seq of the last entry verified intact (0 for an empty log): record it outside Rounds
 * @param headHash hash of that entry (64 zeros for an empty log)
 * @param firstBroken the first broken entry, or {@code null} when {@code ok}
 * @param digestsChecked {@code results.digest} entries checked against the rows of {@code probe_result}
 * @param digestsSkipped digest entries that could not be checked, for the reason in {@code digestsNote}
 * @param digestsNote why digests were skipped, or {@code null} when none was
 */
public record VerificationReport(
        boolean ok,
        long entriesChecked,
        long headSeq,
        String headHash,
        Broken firstBroken,
        long digestsChecked,
        long digestsSkipped,
        String digestsNote) {

    /** The first entry that fails verification and why, in words an auditor can act on. */
    public record Broken(long seq, String reason) {}
}
