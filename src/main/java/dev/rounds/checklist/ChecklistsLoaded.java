package dev.rounds.checklist;

/**
 * A CDI event fired after a configuration has been loaded and put in force.
 *
 * @param previous the configuration it replaced, or {@code null} for the one loaded at start-up
 * @param current the configuration now in force
 */
public record ChecklistsLoaded(ChecklistSet previous, ChecklistSet current) {}
