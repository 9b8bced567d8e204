package dev.rounds.lifecycle;

import io.quarkus.runtime.Quarkus;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops Rounds on SIGTERM and SIGINT through Quarkus <em>before</em> the JVM's shutdown hooks run.
 *
 * <p>Left to the JVM, a signal starts every shutdown hook at once: Quarkus' (which fires {@code ShutdownEvent},
 * where the probe scheduler waits for its runs and the result writer writes what is queued) and H2's, which closes
 * the database it opened. H2 usually won, and the last batch of results failed with "Database is already closed".
 * H2's hook cannot be switched off here: {@code DB_CLOSE_ON_EXIT=FALSE} is refused together with
 * {@code AUTO_SERVER=TRUE}, which the CLI commands need to read the database beside a running server. So the
 * signal asks Quarkus to stop the application first; {@code Quarkus.run} returns and exits, and only then do the
 * hooks run. A second signal ends the JVM the usual way, for a stop that hangs.
 */
public final class OrderlyStop {

    private static final Logger LOG = Logger.getLogger(OrderlyStop.class);

    private OrderlyStop() {}

    /** Takes over TERM and INT; where a signal cannot be handled (-Xrs, another platform) the JVM keeps it. */
    public static void install() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal signal = new Signal(name);
                var previous = new AtomicReference<SignalHandler>();
                previous.set(Signal.handle(signal, received -> {
                    Signal.handle(signal, previous.get());
                    LOG.infof(
                            "signal=SIG%s stopping: probes in flight finish and their results are written first", name);
                    Quarkus.asyncExit(0);
                }));
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                LOG.debugf("signal=SIG%s not handled by Rounds: %s", name, unavailable.getMessage());
            }
        }
    }
}
