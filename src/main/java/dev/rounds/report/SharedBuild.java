package dev.rounds.report;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A value built from a version of its inputs and shared by every caller: the dashboard's live part, a weekly review.
 * A caller whose version is the kept one's takes the kept value. The first caller to find it out of date builds it
 * again; callers that arrive during that build take the kept value, if it was built within {@code staleAtMost},
 * rather than queue behind the build: under load a rebuild every few seconds would otherwise hold every request for
 * as long as it takes. A caller that finds nothing kept, or only something older, waits for the build.
 *
 * @param <K> the version the value is built from
 * @param <T> the value
 */
public final class SharedBuild<K, T> {

    private record Built<K, T>(K version, T value, long builtAt) {}

    private final BiPredicate<K, K> same;
    private final long staleAtMost;
    private final LongSupplier nanoTime;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Built<K, T> kept;

    /** @param same whether a value built from the first version shows what the second would */
    public SharedBuild(BiPredicate<K, K> same, Duration staleAtMost) {
        this(same, staleAtMost, System::nanoTime);
    }

    SharedBuild(BiPredicate<K, K> same, Duration staleAtMost, LongSupplier nanoTime) {
        this.same = same;
        this.staleAtMost = staleAtMost.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The value for {@code version}: the kept one, a recent one while another caller builds, or built now. */
    public T get(K version, Function<K, T> build) {
        Built<K, T> found = kept;
        if (found != null && same.test(found.version(), version)) return found.value();
        if (!building.tryLock()) {
            if (found != null && nanoTime.getAsLong() - found.builtAt() <= staleAtMost) return found.value();
            building.lock();
        }
        try {
            found = kept;
            if (found != null && same.test(found.version(), version)) return found.value();
            long started = nanoTime.getAsLong();
            T value = build.apply(version);
            kept = new Built<>(version, value, started);
            return value;
        } finally {
            building.unlock();
        }
    }
}
