package dev.rounds.probe.type;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Closeable;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.shareddata.Shareable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Opens and at once closes TCP connections for tcp probes on one selector thread per Vert.x instance: a connect
 * is a non-blocking socket, a registration and a deadline, so that a probe costs no thread, no Netty pipeline and
 * no timer of its own.
 *
 * <p>Deadlines wait in one queue per timeout length. Connects start in the order they were asked for, so each
 * queue is ordered by deadline by construction: finding what has expired is a look at the queues' heads.
 */
final class TcpConnector implements Closeable, Shareable {

    /** One connect in flight; fields other than {@code done} belong to the selector thread. */
    private static final class Pending {
        final InetSocketAddress address;
        final long timeoutNanos;
        final long startNanos;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        long deadline;
        SocketChannel channel;

        Pending(InetSocketAddress address, long timeoutNanos, long startNanos) {
            this.address = address;
            this.timeoutNanos = timeoutNanos;
            this.startNanos = startNanos;
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Pending> requests = new ConcurrentLinkedQueue<>();
    private final Map<Long, ArrayDeque<Pending>> deadlines = new HashMap<>();
    private volatile boolean closed;

    private TcpConnector() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for tcp probes: " + e.getMessage(), e);
        }
        thread = new Thread(this::loop, "rounds-tcp-probes");
        thread.setDaemon(true);
        thread.start();
    }

    /** The connector of this Vert.x instance, started on first use and stopped when the instance closes. */
    static TcpConnector of(Vertx vertx) {
        var shared = vertx.sharedData().<String, TcpConnector>getLocalMap("rounds.probe.tcp");
        TcpConnector connector = shared.get("connector");
        if (connector != null) return connector;
        synchronized (TcpConnector.class) {
            return shared.computeIfAbsent("connector", missing -> {
                var started = new TcpConnector();
                ((VertxInternal) vertx).addCloseHook(started);
                return started;
            });
        }
    }

    /**
     * Connects to a resolved address and closes the connection once it is open. The stage completes on the
     * selector thread with the nanoseconds the connect took, or fails with what the network said; a connect that
     * takes longer than the timeout fails with a {@link ConnectTimeoutException}.
     */
    CompletableFuture<Long> connect(InetSocketAddress address, long timeoutNanos, long startNanos) {
        var pending = new Pending(address, Math.max(1, timeoutNanos), startNanos);
        if (closed) {
            pending.done.completeExceptionally(new IllegalStateException("tcp probes are shut down"));
            return pending.done;
        }
        requests.add(pending);
        if (Thread.currentThread() != thread) selector.wakeup();
        return pending.done;
    }

    @Override
    public void close(Promise<Void> completion) {
        closed = true;
        selector.wakeup();
        completion.complete();
    }

    private void loop() {
        try (selector) {
            while (!closed) {
                selector.select(this::finish, untilNextDeadline());
                start();
                expire(System.nanoTime());
            }
            for (SelectionKey key : selector.keys()) {
                fail((Pending) key.attachment(), new IllegalStateException("tcp probes are shut down"));
            }
        } catch (IOException | ClosedSelectorException e) {
            // Only a broken selector ends up here; the probes waiting on it still end at the runner's guard.
            closed = true;
        }
        for (Pending pending; (pending = requests.poll()) != null; ) {
            pending.done.completeExceptionally(new IllegalStateException("tcp probes are shut down"));
        }
    }

    /** Milliseconds {@code select} may sleep: until the earliest deadline, rounded up; 0 is forever. */
    private long untilNextDeadline() {
        if (!requests.isEmpty()) return 1;
        long earliest = Long.MAX_VALUE;
        for (ArrayDeque<Pending> queue : deadlines.values()) {
            Pending head = queue.peekFirst();
            if (head != null) earliest = Math.min(earliest, head.deadline);
        }
        if (earliest == Long.MAX_VALUE) return 0;
        return Math.max(1, (earliest - System.nanoTime() + 999_999) / 1_000_000);
    }

    private void start() {
        for (Pending pending; (pending = requests.poll()) != null; ) {
            try {
                SocketChannel channel = SocketChannel.open();
                pending.channel = channel;
                channel.configureBlocking(false);
                if (channel.connect(pending.address)) {
                    succeed(pending);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, pending);
                    pending.deadline = pending.startNanos + pending.timeoutNanos;
                    deadlines
                            .computeIfAbsent(pending.timeoutNanos, timeout -> new ArrayDeque<>())
                            .addLast(pending);
                }
            } catch (IOException | RuntimeException failure) {
                fail(pending, failure);
            }
        }
    }

    private void finish(SelectionKey key) {
        Pending pending = (Pending) key.attachment();
        try {
            if (pending.channel.finishConnect()) succeed(pending);
        } catch (IOException failure) {
            fail(pending, failure);
        }
    }

    private void expire(long now) {
        for (ArrayDeque<Pending> queue : deadlines.values()) {
            for (Pending head; (head = queue.peekFirst()) != null && (head.done.isDone() || head.deadline <= now); ) {
                queue.pollFirst();
                if (!head.done.isDone()) {
                    fail(head, new ConnectTimeoutException("connection timed out: " + head.address));
                }
            }
        }
    }

    private void succeed(Pending pending) {
        long took = System.nanoTime() - pending.startNanos;
        closeQuietly(pending.channel);
        pending.done.complete(took);
    }

    private void fail(Pending pending, Throwable failure) {
        closeQuietly(pending.channel);
        pending.done.completeExceptionally(failure);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the probe's outcome is decided; a failed close changes nothing about it
        }
    }
}
