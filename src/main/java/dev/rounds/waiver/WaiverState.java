package dev.rounds.waiver;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a waiver stands: requested, then approved or rejected; an approved one ends revoked or expired. */
public enum WaiverState {
    /** Asked for by an operator; excuses nothing yet. */
    REQUESTED,
    /** Approved by a manager: excuses what comes due until it expires. */
    APPROVED,
    /** Refused by a manager. */
    REJECTED,
    /** Ended early by a manager. */
    REVOKED,
    /** Its expiry passed: it excuses nothing that comes due from then on. */
    EXPIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WaiverState> of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
