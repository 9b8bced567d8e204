package dev.rounds.change;

/** What the post-implementation review found: {@code successful failed rolled-back}. */
public enum ChangeOutcome {
    SUCCESSFUL,
    FAILED,
    ROLLED_BACK;

    public String label() {
        return Vocabulary.label(this);
    }
}
