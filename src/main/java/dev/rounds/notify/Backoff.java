package dev.rounds.notify;

import java.time.Duration;

/** The wait before the next attempt: the base after the first failure, doubling after each further one, capped. */
final class Backoff {

    static final Duration CAP = Duration.ofHours(1);

    private Backoff() {}

    /** @param failures failed attempts so far, at least one */
    static Duration after(Duration base, int failures) {
        Duration wait = base;
        for (int i = 1; i < failures && wait.compareTo(CAP) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(CAP) > 0 ? CAP : wait;
    }
}
