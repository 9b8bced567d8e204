package dev.rounds.probe;

/** The verdict of one probe run. */
public enum ProbeStatus {
    /** Every condition holds. */
    UP,
    /** A Nagios-compatible plugin said WARNING; counts as available. */
    WARN,
    /** A condition failed, or the target refused, timed out or exceeded a cap: the target's fault. */
    DOWN,
    /** Rounds could not run the probe: Rounds' fault, not booked against the target. */
    ERROR,
    /** No verdict. */
    UNKNOWN;

    public boolean isAvailable() {
        return this == UP || this == WARN;
    }

    /** Whether the result says something about the target; Rounds' own errors and missing verdicts do not. */
    public boolean judgesTarget() {
        return this != ERROR && this != UNKNOWN;
    }

    /** The status whose {@link #label()} this is; {@link #UNKNOWN} for any other text. */
    public static ProbeStatus ofLabel(String label) {
        return switch (label) {
            case "up" -> UP;
            case "warn" -> WARN;
            case "down" -> DOWN;
            case "error" -> ERROR;
            default -> UNKNOWN;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
