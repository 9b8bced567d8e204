package dev.rounds.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback server that accepts every connection and resets it (SO_LINGER 0, then close: a TCP RST), either at
 * once or after the first bytes of the request arrived: a firewall or a crashing service.
 */
public final class ResettingServer implements AutoCloseable {

    private final ServerSocket server;

    /** @param afterRequest whether to wait for the client's first bytes before resetting */
    public ResettingServer(boolean afterRequest) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            Socket accepted = server.accept();
                            try (accepted) {
                                if (afterRequest) accepted.getInputStream().read(new byte[512]);
                                accepted.setSoLinger(true, 0);
                            } catch (IOException clientGone) {
                                // the client hung up first: nothing left to reset
                            }
                        }
                    } catch (IOException closed) {
                        // closed by close(): the test is over
                    }
                },
                "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
