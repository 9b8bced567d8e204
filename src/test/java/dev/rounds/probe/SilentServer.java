package dev.rounds.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server that accepts every connection and never answers: a hung target. */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public SilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            held.add(server.accept());
                        }
                    } catch (IOException closed) {
                        // closed by close(): the test is over
                    }
                },
                "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return held.size();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) socket.close();
    }
}
