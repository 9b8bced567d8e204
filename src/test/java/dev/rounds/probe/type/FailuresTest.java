package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the network threw, as the sentence a result shows: never a Java class name. */
class FailuresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        new CompletionException(new SocketException("Connection reset by peer")),
                        "connection reset by db01:5432"),
                Arguments.of(
                        new IOException("recvAddress(..) failed: Connection reset by peer"),
                        "connection reset by db01:5432"),
                Arguments.of(new SocketException("Broken pipe"), "connection reset by db01:5432"),
                Arguments.of(
                        new CompletionException(new ConnectException("Connection refused")),
                        "connection refused by db01:5432"),
                Arguments.of(
                        new ClosedChannelException(), "connection closed by db01:5432 before the answer was complete"),
                Arguments.of(
                        new SSLHandshakeException("PKIX path building failed: "
                                        + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
                                        + "certification path to requested target")
                                .initCause(new CertPathBuilderException(
                                        "unable to find valid certification path to requested target")),
                        "TLS with db01:5432 failed: the server's certificate is not trusted (unable to find valid "
                                + "certification path to requested target)"),
                Arguments.of(
                        new CompletionException(
                                "java.lang.IllegalStateException: pool closed",
                                new IllegalStateException("pool closed")),
                        "exchange with db01:5432 failed: pool closed"),
                Arguments.of(new IOException(), "exchange with db01:5432 failed: the network gave no reason"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureIsASentenceAboutTheTarget(Throwable failure, String sentence) {
        assertEquals(sentence, Failures.describe(failure, "db01", 5432, TIMEOUT));
    }

    @Test
    void aRealResetReadsAsOne() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
            try (Socket accepted = server.accept()) {
                accepted.setSoLinger(true, 0);
            }
            IOException reset = assertThrows(
                    IOException.class, () -> client.getInputStream().read());

            assertEquals(
                    "connection reset by 127.0.0.1:" + server.getLocalPort(),
                    Failures.describe(new CompletionException(reset), "127.0.0.1", server.getLocalPort(), TIMEOUT));
            assertEquals("the connection was reset", Failures.reason(reset));
        }
    }

    @Test
    void anUnresolvableNameOrARefusalPointsToSetupAndOtherFailuresDoNot() {
        assertEquals(
                dev.rounds.probe.SetupNeed.NETWORK,
                Failures.setupNeed(
                                new CompletionException(new java.net.UnknownHostException("feeds.example")),
                                "feeds.example",
                                443)
                        .kind());
        assertEquals(
                dev.rounds.probe.SetupNeed.SERVICE,
                Failures.setupNeed(new ConnectException("Connection refused"), "127.0.0.1", 9100)
                        .kind());
        assertEquals(null, Failures.setupNeed(new SocketException("Connection reset by peer"), "db01", 5432));
    }
}
