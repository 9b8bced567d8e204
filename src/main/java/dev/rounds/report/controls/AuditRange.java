package dev.rounds.report.controls;

import java.util.Collection;
import java.util.Objects;

/** The lowest and highest sequence numbers of the audit entries some figures come from. */
public record AuditRange(long firstSeq, long lastSeq) {

    /** The range covering all of {@code ranges}, {@code null} ones skipped; {@code null} if none is left. */
    public static AuditRange over(Collection<AuditRange> ranges) {
        return ranges.stream().filter(Objects::nonNull).reduce(AuditRange::span).orElse(null);
    }

    public AuditRange span(AuditRange other) {
        return new AuditRange(Math.min(firstSeq, other.firstSeq), Math.max(lastSeq, other.lastSeq));
    }
}
