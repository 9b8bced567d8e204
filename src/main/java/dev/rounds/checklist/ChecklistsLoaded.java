package dev.rounds.checklist;

/**
 * CDI event fired after a checklist folder was loaded and validated, so that running features can follow it.
 *
 * @param previous the configuration that was in force before, or {@code null} at the first load
 * @param current the configuration now in force
 */
public record ChecklistsLoaded(ChecklistSet previous, ChecklistSet current) {
}
