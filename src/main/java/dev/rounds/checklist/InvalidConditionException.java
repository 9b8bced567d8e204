package dev.rounds.checklist;

/** An {@code expect} line that is not a valid condition; {@link #position()} points at the offending text. */
public class InvalidConditionException extends IllegalArgumentException {

    private final int position;

    public InvalidConditionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Zero-based index into the condition text where the problem starts. */
    public int position() {
        return position;
    }
}
