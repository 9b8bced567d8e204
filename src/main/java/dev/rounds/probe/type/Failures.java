package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import dev.rounds.probe.SetupNeed;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what the network threw into a sentence about the target. The sentences are for people reading a result:
 * they never name a Java class, whatever the JDK, Netty or Vert.x put into the exception's message.
 */
public final class Failures {

    /** A qualified class name with its colon, as {@code Throwable.toString()} puts it in front of a message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");

    private Failures() {}

    /** A sentence naming {@code host:port}, e.g. {@code connection reset by db01:5432}. */
    static String describe(Throwable failure, String host, int port, Duration timeout) {
        String where = Address.hostPort(host, port);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "cannot resolve host name '" + host + "'";
            }
            if (cause instanceof ConnectTimeoutException) {
                return "could not connect to " + where + " within " + Durations.format(timeout);
            }
            if (cause instanceof TimeoutException) {
                // Vert.x's idle timeout: the same deadline as the probe's own timer, which usually fires first.
                return "no response from " + where + " within " + Durations.format(timeout);
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to " + where;
            }
            if (cause instanceof ConnectException) {
                return said(cause).contains("refused")
                        ? "connection refused by " + where
                        : "cannot connect to " + where + ": " + plain(cause);
            }
            if (cause instanceof SSLException) {
                return "TLS with " + where + " failed: " + tls(cause);
            }
            if (isReset(cause)) {
                return "connection reset by " + where;
            }
            if (isClosed(cause)) {
                return "connection closed by " + where + " before the answer was complete";
            }
        }
        return "exchange with " + where + " failed: " + plain(failure);
    }

    /**
     * The setup a failure points to while the target has never answered: a host name that does not resolve from
     * here, or nothing listening at {@code host:port} yet; {@code null} for any other failure.
     */
    public static SetupNeed setupNeed(Throwable failure, String host, int port) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return SetupNeed.network("make '" + host + "' resolvable from this machine (DNS or /etc/hosts), give"
                        + " Rounds a route or proxy to it, or correct the target's address");
            }
            if (cause instanceof ConnectException && said(cause).contains("refused")) {
                return SetupNeed.service("start what should listen on " + Address.hostPort(host, port)
                        + ", or correct the target's address and the probe's port");
            }
        }
        return null;
    }

    /**
     * What went wrong without saying where, for callers whose sentence already names the place (a feed's URL):
     * e.g. {@code the connection was reset}.
     */
    public static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) return "cannot resolve the host name";
            if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException) return "timed out";
            if (cause instanceof NoRouteToHostException) return "no route to the host";
            if (cause instanceof ConnectException) {
                return said(cause).contains("refused") ? "connection refused" : "cannot connect: " + plain(cause);
            }
            if (cause instanceof SSLException) return "TLS failed: " + tls(cause);
            if (isReset(cause)) return "the connection was reset";
            if (isClosed(cause)) return "the connection was closed before the answer was complete";
        }
        return plain(failure);
    }

    /** Why a TLS handshake failed, in words: an untrusted certificate says so rather than quoting PKIX. */
    private static String tls(Throwable failure) {
        // The JDK wraps the path's failure in a CertificateException of its own: look for the path's first.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "the server's certificate is not trusted (" + plain(cause) + ")";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException && cause.getMessage() != null) {
                return "the server's certificate was refused (" + plain(cause) + ")";
            }
            if (isReset(cause) || isClosed(cause)) {
                return "the server closed the connection during the handshake (is it speaking TLS on that port?)";
            }
        }
        return plain(failure);
    }

    /** A reset is a RST from the peer (or a write into a connection it already reset): its words vary by layer. */
    private static boolean isReset(Throwable cause) {
        String text = said(cause);
        return text.contains("connection reset") || text.contains("broken pipe");
    }

    private static boolean isClosed(Throwable cause) {
        return cause instanceof HttpClosedException
                || cause instanceof ClosedChannelException
                || cause instanceof EOFException;
    }

    private static String said(Throwable cause) {
        return String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    }

    /**
     * The innermost message of the chain that says something, without class names; a chain that says nothing
     * gives a sentence saying so.
     */
    private static String plain(Throwable failure) {
        String message = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) message = cause.getMessage();
            if (cause.getCause() == cause) break;
        }
        if (message == null) return "the network gave no reason";
        String stripped = CLASS_PREFIX.matcher(message).replaceAll("").strip();
        return stripped.isEmpty() ? "the network gave no reason" : stripped;
    }
}
