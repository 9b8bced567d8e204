package dev.rounds.probe.type;

import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Blocking probe work held to the probe's timeout: whichever comes first, the work's observation or the timer's,
 * completes the stage. A worker thread cannot be stopped from outside, so the work gets an {@code abandon} hook
 * (kill the process, close the socket) that the timer runs to end it early.
 */
final class Deadline {

    private Deadline() {}

    static CompletionStage<Observation> blocking(
            ProbeContext context,
            Duration timeout,
            Callable<Observation> work,
            Supplier<Observation> late,
            Runnable abandon) {
        var done = new CompletableFuture<Observation>();
        long timer = context.vertx().setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (done.complete(late.get())) abandon.run();
        });
        context.blocking(work).whenComplete((observation, failure) -> {
            context.vertx().cancelTimer(timer);
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(observation);
            }
        });
        return done;
    }

    /**
     * What the timer must end (a process, a socket), known to the timer only once the work has made it. Whichever
     * of {@link #hold} and {@link #run} comes second ends it, so that nothing started after the deadline lingers.
     */
    static final class Handle<T> implements Runnable {

        private final Consumer<T> end;
        private final AtomicReference<T> held = new AtomicReference<>();
        private volatile boolean abandoned;

        Handle(Consumer<T> end) {
            this.end = end;
        }

        T hold(T thing) {
            held.set(thing);
            if (abandoned) end.accept(thing);
            return thing;
        }

        @Override
        public void run() {
            abandoned = true;
            T thing = held.get();
            if (thing != null) end.accept(thing);
        }
    }
}
