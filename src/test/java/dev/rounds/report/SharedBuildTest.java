package dev.rounds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One caller builds; the others take what is kept when it is current, or recent while the build runs. */
@Timeout(10)
class SharedBuildTest {

    private static final Duration STALE_AT_MOST = Duration.ofSeconds(5);

    private final AtomicLong nanos = new AtomicLong();
    private final SharedBuild<Integer, String> build = new SharedBuild<>(Integer::equals, STALE_AT_MOST, nanos::get);

    /** A build that says when it has started and finishes when released. */
    private static final class HeldBuild implements Function<Integer, String> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String apply(Integer version) {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "v" + version;
        }
    }

    private static Function<Integer, String> mustNotBuild() {
        return v -> {
            throw new AssertionError("built version " + v + " again");
        };
    }

    @Test
    void theSameVersionTakesTheKeptValueWithoutBuilding() {
        AtomicInteger builds = new AtomicInteger();
        assertEquals("v1", build.get(1, v -> "v" + v + (builds.incrementAndGet() > 1 ? "!" : "")));
        assertEquals("v1", build.get(1, mustNotBuild()));
        assertEquals(1, builds.get());
    }

    @Test
    void whileOneCallerBuildsANewVersionTheOthersTakeTheRecentValueAtOnce() throws Exception {
        build.get(1, v -> "v" + v);
        nanos.addAndGet(STALE_AT_MOST.toNanos());
        HeldBuild held = new HeldBuild();
        CompletableFuture<String> builder = CompletableFuture.supplyAsync(() -> build.get(2, held));
        assertTrue(held.started.await(5, TimeUnit.SECONDS));

        assertEquals("v1", build.get(2, mustNotBuild()), "the value before, while version 2 is built");

        held.release.countDown();
        assertEquals("v2", builder.get(5, TimeUnit.SECONDS));
        assertEquals("v2", build.get(2, mustNotBuild()));
    }

    @Test
    void aValueOlderThanStaleAtMostIsNotTakenTheCallerWaitsForTheBuild() throws Exception {
        build.get(1, v -> "v" + v);
        nanos.addAndGet(STALE_AT_MOST.toNanos() + 1);
        assertWaitsForTheBuild();
    }

    @Test
    void withNothingKeptEveryCallerWaitsForTheFirstBuild() throws Exception {
        assertWaitsForTheBuild();
    }

    private void assertWaitsForTheBuild() throws Exception {
        HeldBuild held = new HeldBuild();
        CompletableFuture<String> builder = CompletableFuture.supplyAsync(() -> build.get(2, held));
        assertTrue(held.started.await(5, TimeUnit.SECONDS));
        var waiter = new Thread(() -> assertEquals("v2", build.get(2, mustNotBuild())));
        var failure = new CompletableFuture<Throwable>();
        waiter.setUncaughtExceptionHandler((t, e) -> failure.complete(e));
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) Thread.sleep(1);

        assertFalse(builder.isDone(), "the build is still held");
        held.release.countDown();
        waiter.join();
        assertEquals("v2", builder.get(5, TimeUnit.SECONDS));
        assertFalse(failure.isDone(), () -> "the waiting caller: " + failure.join());
    }
}
