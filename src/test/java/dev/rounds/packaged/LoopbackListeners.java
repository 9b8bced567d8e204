package dev.rounds.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loopback TCP ports that accept each connection and close it at once, remembering when each port was connected to:
 * the targets of the packaged application's tcp probes. One thread serves them all, so thousands cost one thread.
 */
final class LoopbackListeners implements AutoCloseable {

    private final Selector selector;
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Map<Integer, List<Instant>> accepted = new ConcurrentHashMap<>();
    private final Thread acceptor;

    LoopbackListeners(int count) {
        try {
            selector = Selector.open();
            for (int i = 0; i < count; i++) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                channels.add(channel);
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
                channel.configureBlocking(false);
                int port = channel.socket().getLocalPort();
                channel.register(selector, SelectionKey.OP_ACCEPT, port);
                ports.add(port);
                accepted.put(port, Collections.synchronizedList(new ArrayList<>()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + count + " loopback ports: " + e.getMessage(), e);
        }
        acceptor = new Thread(this::acceptUntilClosed, "loopback-listeners");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The ports, in the order they were opened. */
    List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** When each connection to {@code port} was accepted. */
    List<Instant> accepted(int port) {
        synchronized (accepted.get(port)) {
            return List.copyOf(accepted.get(port));
        }
    }

    /** Connections accepted on every port so far. */
    long total() {
        return ports.stream().mapToLong(port -> accepted.get(port).size()).sum();
    }

    private void acceptUntilClosed() {
        try {
            while (selector.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    try (SocketChannel connection = ((ServerSocketChannel) key.channel()).accept()) {
                        if (connection != null)
                            accepted.get((Integer) key.attachment()).add(Instant.now());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException closed) {
            // closed: the test is over
        }
    }

    /** Closes every listening port at once: from now on each connect is refused. */
    void stopListening() throws IOException {
        for (ServerSocketChannel channel : channels) channel.close();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        selector.close();
        acceptor.join(5000);
        for (ServerSocketChannel channel : channels) channel.close();
    }
}
