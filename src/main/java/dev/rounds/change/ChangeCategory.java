package dev.rounds.change;

/**
 * Which route a change takes: {@code standard} (routine, low risk, done the documented way), {@code normal}
 * (assessed and planned for its own sake), {@code emergency} (must be done at once to restore or protect service).
 * Every category is approved by a manager in Rounds; the category tells reviewers how much scrutiny it had.
 */
public enum ChangeCategory {
    STANDARD,
    NORMAL,
    EMERGENCY
}
