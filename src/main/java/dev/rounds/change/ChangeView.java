package dev.rounds.change;

import java.time.Instant;

/** A change as the API and the pages show it; the enums in their written form ({@code rolled-back}). */
public record ChangeView(
        long id,
        String title,
        String description,
        String target,
        String activity,
        Instant plannedStart,
        Instant plannedEnd,
        String state,
        String requestedBy,
        Instant requestedAt,
        String priority,
        String category,
        String classifiedBy,
        Instant classifiedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        String implementedBy,
        Instant implementedAt,
        String implementationNote,
        String reviewedBy,
        Instant reviewedAt,
        String reviewNote,
        String outcome) {

    public static ChangeView of(Change c) {
        return new ChangeView(
                c.id,
                c.title,
                c.description,
                c.targetId,
                c.activity,
                c.plannedStart,
                c.plannedEnd,
                c.state.label(),
                c.requestedBy,
                c.requestedAt,
                label(c.priority),
                label(c.category),
                c.classifiedBy,
                c.classifiedAt,
                c.decidedBy,
                c.decidedAt,
                c.decisionNote,
                c.implementedBy,
                c.implementedAt,
                c.implementationNote,
                c.reviewedBy,
                c.reviewedAt,
                c.reviewNote,
                label(c.outcome));
    }

    private static String label(Enum<?> value) {
        return value == null ? null : Vocabulary.label(value);
    }
}
