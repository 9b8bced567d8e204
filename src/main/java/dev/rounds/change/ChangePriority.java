package dev.rounds.change;

/** How urgent a change is, from its urgency and impact: {@code low medium high emergency}. */
public enum ChangePriority {
    LOW,
    MEDIUM,
    HIGH,
    EMERGENCY
}
