package dev.rounds.checklist;

/** How often a checklist's activities recur. Period arithmetic lives in {@code schedule.Period}. */
public enum Cadence {
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
