package dev.rounds.probe.type;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/** A TLS server on 127.0.0.1 that completes each handshake, notes the SNI name asked for, and hangs up. */
final class TlsServer implements AutoCloseable {

    private final SSLServerSocket server;
    final List<String> requestedNames = new CopyOnWriteArrayList<>();

    TlsServer(SSLContext context) throws IOException {
        server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        // Noted while the server reads the ClientHello, before it answers: the probe cannot have its result first.
        SSLParameters parameters = server.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                requestedNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        Thread acceptor = new Thread(this::serve, "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket client = (SSLSocket) server.accept()) {
                client.setSoTimeout(5000);
                client.startHandshake();
            } catch (IOException oneClientFailed) {
                // a probe that gives up mid-handshake is the probe's business; keep serving
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
