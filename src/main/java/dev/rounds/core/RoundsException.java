package dev.rounds.core;

/**
 * A domain error with the HTTP status that fits it and a message a user can act on; the one exception
 * mapper turns it into a JSON problem body.
 */
public class RoundsException extends RuntimeException {

    private final int status;
    private final String title;

    public RoundsException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
