package dev.rounds.core;

/**
 * A domain error with the HTTP status that fits it, its title from the one vocabulary ({@link ProblemTitle}) and a
 * message a user can act on; the one exception mapper turns it into a problem body or page.
 */
public class RoundsException extends RuntimeException {

    private final int status;
    private final ProblemTitle title;

    public RoundsException(int status, ProblemTitle title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public ProblemTitle title() {
        return title;
    }
}
