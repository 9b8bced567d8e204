package dev.rounds.advisory;

/** A document that is not a feed Rounds accepts: malformed, of another format, or declaring a DTD. */
public class FeedRefused extends Exception {

    public FeedRefused(String message) {
        super(message);
    }
}
