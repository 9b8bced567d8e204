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
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * {@code dns}: a name resolves through the system resolver, as the machine's own programs would see it
 * ({@code /etc/hosts} included). Settings {@code name} (default: the target's host) and {@code family}
 * ({@code ipv4}, {@code ipv6} or {@code any}, the default). Operands {@code resolved}, {@code answers} (the
 * addresses, comma-separated), {@code answer_count} and {@code lookup_time}. A name without an address of the
 * family is {@code down}, unless a condition judges {@code resolved}.
 */
public final class DnsProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "dns",
            Map.of("name", SettingKind.STRING, "family", SettingKind.STRING),
            Set.of(),
            Set.of("resolved", "answers", "answer_count", "lookup_time"));

    private static final Set<String> FAMILIES = Set.of("ipv4", "ipv6", "any");

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        String name = spec.setting("name", Address.parse(target.address()).host());
        String family = spec.setting("family", "any").toLowerCase(Locale.ROOT);
        if (!FAMILIES.contains(family)) {
            return CompletableFuture.completedFuture(
                    Observation.error("family must be ipv4, ipv6 or any, got '" + family + "'"));
        }
        Duration timeout = spec.timeoutFor(target);
        ProbeStatus unresolved =
                spec.expect().stream().anyMatch(c -> c.operand().name().equals("resolved")) ? null : ProbeStatus.DOWN;
        return Deadline.blocking(
                context,
                timeout,
                () -> lookup(name, family, unresolved),
                () -> new Observation(
                        Map.of("resolved", false, "answer_count", 0, "answers", ""),
                        unresolved,
                        "no answer for '" + name + "' within " + Durations.format(timeout)),
                // The system resolver cannot be interrupted; a late answer is dropped.
                () -> {});
    }

    private static Observation lookup(String name, String family, ProbeStatus unresolved) {
        long started = System.nanoTime();
        List<String> answers;
        try {
            answers = Arrays.stream(InetAddress.getAllByName(name))
                    .filter(address -> family.equals("any")
                            || (family.equals("ipv4")
                                    ? address instanceof Inet4Address
                                    : address instanceof Inet6Address))
                    .map(InetAddress::getHostAddress)
                    .distinct()
                    .toList();
        } catch (UnknownHostException unknown) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Observation(
                    Map.of("resolved", false, "answer_count", 0, "answers", "", "lookup_time", took),
                    unresolved,
                    "cannot resolve '" + name + "'");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String joined = answers.stream().collect(Collectors.joining(","));
        Map<String, Object> values = Map.of(
                "resolved", !answers.isEmpty(), "answer_count", answers.size(), "answers", joined, "lookup_time", took);
        if (answers.isEmpty()) {
            return new Observation(
                    values,
                    unresolved,
                    "'" + name + "' has no " + (family.equals("ipv4") ? "IPv4" : "IPv6") + " address");
        }
        return Observation.measured(values, "'" + name + "' resolved to " + joined + " in " + Durations.format(took));
    }
}
