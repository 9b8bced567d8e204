package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import dev.rounds.probe.SetupNeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code ping}: network reachability, measured by the system's {@code ping} (iputils), because the JVM cannot
 * send ICMP itself: {@code InetAddress.isReachable} may fall back to the TCP echo port and reports no loss.
 * Settings {@code count} (default 3) and {@code interval} (default 200ms). Operands {@code packet_loss} (percent,
 * so that {@code packet_loss < 20%} reads naturally), {@code rtt} (average round trip), {@code rtt_max},
 * {@code transmitted} and {@code received}. Without {@code expect} lines the target is {@code down} when every
 * packet is lost. The last reply is awaited only as long as the timeout leaves after the last packet.
 */
public final class PingProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "ping",
            Map.of("count", SettingKind.INTEGER, "interval", SettingKind.DURATION),
            Set.of(),
            Set.of("packet_loss", "rtt", "rtt_max", "transmitted", "received"));

    /** Ping's statistics are a few lines; anything past this is not ping talking. */
    private static final int OUTPUT_CAP = 64 * 1024;
    /** Time kept back from the timeout for ping to start and print its statistics. */
    private static final Duration MARGIN = Duration.ofMillis(300);

    private final String command;

    public PingProbe() {
        this("ping");
    }

    /** A probe running another program in ping's place; for tests of what the real ping cannot be made to do. */
    PingProbe(String command) {
        this.command = command;
    }

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        String host = Address.parse(target.address()).host();
        int count = spec.setting("count", Number.class, 3).intValue();
        Duration interval = spec.setting("interval", Duration.class, Duration.ofMillis(200));
        Duration timeout = spec.timeoutFor(target);
        Duration wait = timeout.minus(interval.multipliedBy(count - 1L)).minus(MARGIN);
        String refused = host.startsWith("-")
                ? "'" + host + "' is not a host name or address"
                : count < 1
                        ? "count must be at least 1, got " + count
                        : interval.isZero() || interval.isNegative()
                                ? "interval must be positive"
                                : wait.compareTo(Duration.ofMillis(100)) < 0
                                        ? count + " packets " + Durations.format(interval)
                                                + " apart do not fit in the timeout of " + Durations.format(timeout)
                                                + ": lower count or interval, or raise the timeout"
                                        : null;
        if (refused != null) return CompletableFuture.completedFuture(Observation.error(refused));
        List<String> arguments = List.of(
                command, "-n", "-q", "-c", String.valueOf(count), "-i", seconds(interval), "-W", seconds(wait), host);
        var ping = new ChildProcess(
                arguments,
                ChildProcess.plainEnvironment(),
                OUTPUT_CAP,
                ChildProcess.OverCap.STOP,
                ChildProcess.ErrorOutput.MERGED);
        boolean judgeHere = spec.expect().isEmpty();
        return ping.run(context, timeout).thenApply(end -> observed(end, host, timeout, judgeHere));
    }

    private Observation observed(ChildProcess.End end, String host, Duration timeout, boolean judgeHere) {
        if (end instanceof ChildProcess.NotStarted missing) {
            return Observation.lacking(
                    SetupNeed.tool("install the system ping (Debian: apt install iputils-ping)"),
                    "cannot run '" + command + "' (" + missing.cause().getMessage() + "): the ping "
                            + "probe needs the system ping from the iputils-ping package (apt-get install iputils-ping)");
        }
        if (end instanceof ChildProcess.ReadFailed broken) {
            return Observation.down(
                    Map.of(),
                    "ping to " + host + " was stopped: " + broken.cause().getMessage());
        }
        if (end instanceof ChildProcess.TimedOut) {
            return Observation.down(
                    Map.of(), "ping to " + host + " did not finish within " + Durations.format(timeout));
        }
        String output = ((ChildProcess.Exited) end).output();
        PingReport report = PingReport.parse(output);
        if (report == null) return failed(host, output);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("transmitted", report.transmitted());
        values.put("received", report.received());
        values.put("packet_loss", report.packetLoss());
        String summary = report.received() + "/" + report.transmitted() + " replies from " + host + ", "
                + BigDecimal.valueOf(report.packetLoss()).stripTrailingZeros().toPlainString() + "% loss";
        if (report.rtt() != null) {
            values.put("rtt", report.rtt());
            values.put("rtt_max", report.rttMax());
            summary += ", rtt " + millis(report.rtt()) + " (max " + millis(report.rttMax()) + ")";
        }
        if (judgeHere && report.received() == 0) {
            return Observation.down(values, "no reply from " + host + ": " + summary);
        }
        return Observation.measured(values, summary);
    }

    /** Ping ended without statistics: it could not resolve the host, reach a network or open its socket. */
    private static Observation failed(String host, String output) {
        String said = output.strip()
                .lines()
                .reduce((first, last) -> last)
                .orElse("no output")
                .replaceFirst("^ping: ", "");
        if (said.contains("Operation not permitted") || said.contains("Permission denied")) {
            return Observation.lacking(
                    SetupNeed.tool("let ping send ICMP: setcap cap_net_raw+ep /usr/bin/ping, or widen"
                            + " net.ipv4.ping_group_range to Rounds' group"),
                    "ping may not send ICMP here (" + said + "): give it the capability "
                            + "(setcap cap_net_raw+ep /usr/bin/ping) or widen net.ipv4.ping_group_range to Rounds' group");
        }
        return Observation.down(Map.of(), "ping to " + host + " failed: " + said);
    }

    /** Round trips as ping prints them: loopback's 0.047ms would read 0ms in the usual format. */
    private static String millis(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos())
                        .movePointLeft(6)
                        .stripTrailingZeros()
                        .toPlainString() + "ms";
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis())
                .movePointLeft(3)
                .stripTrailingZeros()
                .toPlainString();
    }
}
