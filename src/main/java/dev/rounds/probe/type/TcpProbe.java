package dev.rounds.probe.type;

import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.checklist.Durations;
import dev.rounds.probe.ProbeType;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code tcp}: a port accepts connections. Setting {@code port} (required). Operands {@code connected} and
 * {@code connect_time}. The connection is closed as soon as it is open. A port that refuses or does not answer is
 * {@code down}, unless a condition judges {@code connected}, so that {@code connected == false} can prove a port
 * is closed.
 */
public final class TcpProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema("tcp", Map.of("port", SettingKind.INTEGER),
            Set.of("port"), Set.of("connected", "connect_time"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        Address address = Address.parse(target.address());
        Object port = spec.settings().get("port");
        if (port == null) {
            return CompletableFuture.completedFuture(Observation.error("a tcp probe needs a port setting"));
        }
        int number = address.port(port, 0);
        String where = Address.hostPort(address.host(), number);
        Duration timeout = spec.timeoutFor(target);
        ProbeStatus unconnected = spec.expect().stream().anyMatch(c -> c.operand().name().equals("connected"))
                ? null : ProbeStatus.DOWN;
        Vertx vertx = context.vertx();
        var done = new CompletableFuture<Observation>();
        long started = System.nanoTime();
        // The client's connect timeout should fire first; the timer also covers a resolver that never answers.
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> done.complete(new Observation(
                Map.of("connected", false), unconnected, "could not connect to " + where + " within "
                        + Durations.format(timeout))));
        VertxClients.tcp(vertx, timeout).connect(number, address.host()).onComplete(connecting -> {
            vertx.cancelTimer(timer);
            if (connecting.succeeded()) {
                Duration connectTime = Duration.ofNanos(System.nanoTime() - started);
                connecting.result().close();
                done.complete(Observation.measured(Map.of("connected", true, "connect_time", connectTime),
                        "connected to " + where + " in " + Durations.format(connectTime)));
            } else {
                done.complete(new Observation(Map.of("connected", false), unconnected,
                        Failures.describe(connecting.cause(), address.host(), number, timeout)));
            }
        });
        return done;
    }
}
