package dev.rounds.change;

/** Where a change stands on its way from request to review. */
public enum ChangeState {
    REQUESTED,
    CLASSIFIED,
    APPROVED,
    REJECTED,
    IMPLEMENTED,
    REVIEWED;

    public String label() {
        return Vocabulary.label(this);
    }
}
