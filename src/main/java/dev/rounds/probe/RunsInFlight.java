package dev.rounds.probe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Probe runs, continuous or once, whose result is not yet with the writer, and how long a stop waits for them. */
final class RunsInFlight {

    private final AtomicInteger count = new AtomicInteger();
    /** The {@code System.nanoTime()} by which every run started so far has ended. */
    private final AtomicLong lastDeadline = new AtomicLong(System.nanoTime());

    /** Counts a run from its start until its result is with the writer; extends the deadline a stop waits for. */
    void started(Duration timeout) {
        count.incrementAndGet();
        long nanos = timeout.toNanos();
        // The runner's own guard ends the run by its timeout plus a tenth; a second more covers the hand-over.
        long deadline =
                System.nanoTime() + nanos + nanos / 10 + Duration.ofSeconds(1).toNanos();
        lastDeadline.accumulateAndGet(deadline, (a, b) -> b - a > 0 ? b : a);
    }

    /** A run's result is with the writer (or the run was dropped). */
    void handedOver() {
        count.decrementAndGet();
    }

    int count() {
        return count.get();
    }

    /**
     * Waits until every run started so far has handed over, until the latest of their deadlines, or at most
     * {@code grace}; returns whether all of them did.
     */
    boolean await(Duration grace) {
        long giveUp = System.nanoTime() + grace.toNanos();
        while (count.get() > 0) {
            long now = System.nanoTime();
            if (now - lastDeadline.get() > 0 || now - giveUp > 0) return false;
            // Shutdown only: a bounded poll is simpler than a latch per run, and costs nothing while running.
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return true;
    }
}
