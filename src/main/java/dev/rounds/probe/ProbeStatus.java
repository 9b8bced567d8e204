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

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
