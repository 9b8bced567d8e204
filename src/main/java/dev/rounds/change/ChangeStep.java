package dev.rounds.change;

/**
 * The steps of the change process after the operations guide's change management, in their only order:
 * requested → classified → approved (or rejected) → implemented → reviewed.
 */
public enum ChangeStep {
    CLASSIFY("classified", ChangeState.REQUESTED, ChangeState.CLASSIFIED),
    APPROVE("approved", ChangeState.CLASSIFIED, ChangeState.APPROVED),
    REJECT("rejected", ChangeState.CLASSIFIED, ChangeState.REJECTED),
    IMPLEMENT("implemented", ChangeState.APPROVED, ChangeState.IMPLEMENTED),
    REVIEW("reviewed", ChangeState.IMPLEMENTED, ChangeState.REVIEWED);

    private final String done;
    private final ChangeState from;
    private final ChangeState to;

    ChangeStep(String done, ChangeState from, ChangeState to) {
        this.done = done;
        this.from = from;
        this.to = to;
    }

    /** The state this step leads to from {@code current}; a step out of order is a 409 that says what is next. */
    public ChangeState apply(long changeId, ChangeState current) {
        if (current != from) {
            throw new ChangeRefused(
                    409,
                    "change " + changeId + " is " + current.label() + "; it can be " + done + " only when "
                            + from.label() + nextHint(current));
        }
        return to;
    }

    /** The action name under which the audit log records this step, e.g. {@code change.classified}. */
    public String action() {
        return "change." + done;
    }

    private static String nextHint(ChangeState current) {
        return switch (current) {
            case REQUESTED -> " (classify it first)";
            case CLASSIFIED -> " (approve or reject it first)";
            case APPROVED -> " (record its implementation first)";
            case IMPLEMENTED -> " (review it next)";
            case REJECTED, REVIEWED -> " (it is closed)";
        };
    }
}
