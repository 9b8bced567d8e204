package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ProbeType;
import io.netty.channel.ConnectTimeoutException;
import io.netty.util.NetUtil;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code tcp}: a port accepts connections. Setting {@code port}, required unless the target's address carries one
 * ({@code db01:5432}, or Rounds' own {@code localhost:${quarkus.http.port}}); the setting wins. Operands {@code connected} and
 * {@code connect_time}. The connection is closed as soon as it is open. A port that refuses or does not answer is
 * {@code down}, unless a condition judges {@code connected}, so that {@code connected == false} can prove a port
 * is closed. Connections are made by the {@link TcpConnector}, without a Netty channel: a probe only needs the
 * handshake.
 */
public final class TcpProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "tcp", Map.of("port", SettingKind.INTEGER), Set.of("port"), Set.of("connected", "connect_time"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        Address address = Address.parse(target.address());
        int number = address.port(spec.settings().get("port"), 0);
        if (number == 0) {
            return CompletableFuture.completedFuture(Observation.error("a tcp probe needs a port: a port setting, or"
                    + " an address with one such as " + address.host() + ":5432"));
        }
        String where = Address.hostPort(address.host(), number);
        Duration timeout = spec.timeoutFor(target);
        ProbeStatus unconnected =
                spec.expect().stream().anyMatch(c -> c.operand().name().equals("connected")) ? null : ProbeStatus.DOWN;
        long started = System.nanoTime();
        return resolve(context.vertx(), address.host(), timeout)
                .thenCompose(ip -> TcpConnector.of(context.vertx())
                        .connect(new InetSocketAddress(ip, number), timeout.toNanos(), started))
                .handle((took, failure) -> {
                    if (failure != null) {
                        return new Observation(
                                Map.of("connected", false),
                                unconnected,
                                Failures.describe(failure, address.host(), number, timeout),
                                Failures.setupNeed(failure, address.host(), number));
                    }
                    Duration connectTime = Duration.ofNanos(took);
                    return Observation.measured(
                            Map.of("connected", true, "connect_time", connectTime),
                            "connected to " + where + " in " + Durations.format(connectTime));
                });
    }

    /** An IP literal as it is; a host name through Vert.x's non-blocking resolver, given the probe's timeout. */
    private static CompletionStage<InetAddress> resolve(Vertx vertx, String host, Duration timeout) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal != null) {
            try {
                return CompletableFuture.completedFuture(InetAddress.getByAddress(host, literal));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException("an IP literal has a valid length: " + host, impossible);
            }
        }
        var resolved = new CompletableFuture<InetAddress>();
        // A resolver that never answers counts against the connect: the same deadline, the same sentence.
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> resolved.completeExceptionally(
                        new ConnectTimeoutException("resolving " + host + " timed out")));
        ((VertxInternal) vertx).resolveAddress(host, lookup -> {
            if (lookup.succeeded()) {
                resolved.complete(lookup.result());
            } else {
                resolved.completeExceptionally(lookup.cause());
            }
        });
        return resolved;
    }
}
