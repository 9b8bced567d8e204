package dev.rounds.heartbeat;

import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import dev.rounds.probe.SetupNeed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code heartbeat}: a job reported in. Settings {@code name} and {@code period} (required) and {@code grace}
 * (default: a tenth of the period, at least a minute). Operands {@code age} (since the last successful ping) and
 * {@code last_status} ({@code up}, {@code started}, {@code failed} or {@code never}). Down, whatever the conditions
 * say, when the job has never reported success, when its last ping said it failed, or when its last success is
 * older than period plus grace.
 */
public final class HeartbeatProbe implements ProbeType {

    static final String TYPE = "heartbeat";
    static final Duration MIN_GRACE = Duration.ofMinutes(1);

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            TYPE,
            Map.of("name", SettingKind.STRING, "period", SettingKind.DURATION, "grace", SettingKind.DURATION),
            Set.of("name", "period"),
            Set.of("age", "last_status"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        String name = spec.setting("name", "");
        if (!HeartbeatService.NAME.matcher(name).matches()) {
            return CompletableFuture.completedFuture(Observation.error(
                    "heartbeat name '" + name + "' must be 1 to 100 letters, digits, '.', '_' or '-'"));
        }
        Duration period = spec.setting("period", Duration.class, null);
        if (period == null) {
            return CompletableFuture.completedFuture(Observation.error("a heartbeat probe needs a period setting"));
        }
        Duration grace = spec.setting("grace", Duration.class, defaultGrace(period));
        HeartbeatLedger ledger = context.facility(HeartbeatLedger.class);
        return context.blocking(() -> ledger.state(name))
                .thenApply(state -> state.map(s ->
                                judge(s, period.plus(grace), context.clock().instant()))
                        .orElseGet(() -> Observation.error("heartbeat '" + name + "' has no ping token yet; Rounds"
                                + " creates it when it loads the checklists")));
    }

    /** A tenth of the period, but at least {@link #MIN_GRACE}: a job's own run time varies by more than seconds. */
    static Duration defaultGrace(Duration period) {
        Duration tenth = period.dividedBy(10);
        return tenth.compareTo(MIN_GRACE) < 0 ? MIN_GRACE : tenth;
    }

    static Observation judge(HeartbeatState state, Duration allowed, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("last_status", state.lastStatus());
        String last = state.lastMessage() == null ? "" : ": " + state.lastMessage();
        if (state.lastStatus().equals(HeartbeatState.NEVER)) {
            return Observation.down(
                            values,
                            "no ping yet; the job should POST /api/ping/<token> when it succeeds"
                                    + " (an admin finds the ping URL of heartbeat '" + state.name()
                                    + "' at GET /api/heartbeats)")
                    .needing(SetupNeed.service("make the job POST the ping URL of heartbeat '" + state.name()
                            + "' when it succeeds (an admin finds it at GET /api/heartbeats)"));
        }
        if (state.lastSuccessAt() == null) {
            return Observation.down(
                    values,
                    "the job pinged (" + state.lastStatus() + ") " + ago(state.lastPingAt(), now)
                            + " but has never reported success" + last);
        }
        Duration age = Duration.between(state.lastSuccessAt(), now);
        if (age.isNegative()) age = Duration.ZERO;
        values.put("age", age);
        if (state.lastStatus().equals(PingKind.FAIL.status())) {
            return Observation.down(values, "the job reported a failure " + ago(state.lastPingAt(), now) + last);
        }
        if (age.compareTo(allowed) > 0) {
            return Observation.down(
                    values,
                    "last success " + Durations.format(age) + " ago, more than period" + " plus grace ("
                            + Durations.format(allowed) + ")");
        }
        String summary = "last success " + Durations.format(age) + " ago";
        return Observation.measured(
                values,
                state.lastStatus().equals(PingKind.START.status())
                        ? summary + "; a run started " + ago(state.lastPingAt(), now)
                        : summary);
    }

    private static String ago(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        return (age.isNegative() ? Durations.format(Duration.ZERO) : Durations.format(age)) + " ago";
    }
}
