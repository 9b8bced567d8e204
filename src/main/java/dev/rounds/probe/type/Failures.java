package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what the network threw into a sentence about the target. */
final class Failures {

    private Failures() {
    }

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
                String text = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return text.contains("refused") ? "connection refused by " + where
                        : "cannot connect to " + where + ": " + cause.getMessage();
            }
            if (cause instanceof SSLException) {
                return "TLS with " + where + " failed: " + cause.getMessage();
            }
        }
        String text = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return "exchange with " + where + " failed: " + text;
    }
}
