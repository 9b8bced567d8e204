package dev.rounds.report.rollup;

/** How many results of each status a bucket holds. */
public record ResultCounts(long up, long warn, long down, long error, long unknown) {

    public long total() {
        return up + warn + down + error + unknown;
    }
}
