package dev.rounds.report.rollup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.DownRun;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One chunk of results folded in memory onto the stored state of the probes and targets it touches: each target's
 * hourly (UTC) and daily (in the report zone) buckets and those of each numeric value, each probe's run of downs with
 * the incidents it opens and ends, and each continuously probed target's coverage with the spans it leaves without a
 * verdict. {@link RollupStore} loads that state before and writes the outcome after; nothing here reads or writes the
 * database.
 */
final class ChunkFold {

    private static final JsonFactory JSON = new JsonFactory();

    private final ZoneId zone;
    private final Function<ProbeKey, ProbeSpec> specs;
    private final Map<TargetKey, TargetBucket> hours = new HashMap<>();
    private final Map<TargetKey, TargetBucket> days = new HashMap<>();
    private final Map<ValueKey, ValueBucket> valueDays = new HashMap<>();
    private final Map<String, ProbeRun> runs;
    private final Map<String, Coverage> coverage;
    private final List<NewIncident> opened = new ArrayList<>();
    private final Map<Long, Instant> ended = new LinkedHashMap<>();
    private final List<UnknownSpan> unknown = new ArrayList<>();
    private final Map<ProbeKey, ProbeSpec> specCache = new HashMap<>();

    /**
     * @param specs the probe a result's key names as now configured, or {@code null} when it no longer exists
     * @param runs the stored runs of the chunk's probes by probe key, which the fold changes and adds to
     * @param coverage the stored coverage of the chunk's targets by target id, which the fold changes and adds to
     */
    ChunkFold(
            ZoneId zone,
            Function<ProbeKey, ProbeSpec> specs,
            Map<String, ProbeRun> runs,
            Map<String, Coverage> coverage) {
        this.zone = zone;
        this.specs = specs;
        this.runs = runs;
        this.coverage = coverage;
    }

    /** Folds the next result; results come in id order. */
    void add(ResultRow result) {
        Instant hour = result.startedAt().truncatedTo(ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(result.startedAt(), zone);
        hours.computeIfAbsent(new TargetKey(result.key().targetId(), hour), k -> new TargetBucket())
                .add(result);
        days.computeIfAbsent(new TargetKey(result.key().targetId(), day), k -> new TargetBucket())
                .add(result);
        addValues(result, day);
        ProbeSpec spec = specCache.computeIfAbsent(result.key(), specs::apply);
        addToRun(result, spec);
        if (spec != null && spec.isContinuous() && result.status().judgesTarget()) addToCoverage(result, spec.every());
    }

    private void addValues(ResultRow result, LocalDate day) {
        if (result.valuesJson().indexOf(':') < 0) return;
        for (Map.Entry<String, Double> value : numbers(result.valuesJson())) {
            valueDays
                    .computeIfAbsent(
                            new ValueKey(result.probeKey(), value.getKey(), day), k -> new ValueBucket(result.key()))
                    .add(value.getValue(), result.startedAt());
        }
    }

    /**
     * The numeric top-level values of a stored {@code values_json} with names up to 200 characters, in order; none if
     * it is not a JSON object. Read as a stream, without a tree: the fold reads every result's values.
     */
    private static List<Map.Entry<String, Double>> numbers(String valuesJson) {
        var numbers = new ArrayList<Map.Entry<String, Double>>(2);
        try (JsonParser values = JSON.createParser(valuesJson)) {
            if (values.nextToken() != JsonToken.START_OBJECT) return List.of();
            while (values.nextToken() == JsonToken.FIELD_NAME) {
                String name = values.currentName();
                JsonToken value = values.nextToken();
                if (value.isStructStart()) {
                    values.skipChildren();
                } else if (value.isNumeric() && name.length() <= 200) {
                    numbers.add(Map.entry(name, values.getDoubleValue()));
                }
            }
            return values.currentToken() == JsonToken.END_OBJECT ? numbers : List.of();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private void addToRun(ResultRow result, ProbeSpec spec) {
        ProbeRun run = runs.computeIfAbsent(result.probeKey(), k -> new ProbeRun(new DownRun(), null, false));
        ProbeStatus status = result.status();
        // Once an incident is open, its run stays at the downs that confirmed it until an up or warn ends both.
        if (status == ProbeStatus.DOWN && run.isOpen()) return;
        run.downs.add(status, result.startedAt());
        if (status == ProbeStatus.DOWN) {
            int confirm = spec != null ? spec.confirm() : ProbeSpec.DEFAULT_CONFIRM;
            if (run.downs.downs() >= confirm) {
                run.opened = new NewIncident(result, run.downs.firstDownAt(), spec != null && spec.isContinuous());
                opened.add(run.opened);
            }
        } else if (status.isAvailable()) {
            if (run.opened != null) run.opened.endedAt = result.startedAt();
            if (run.openId != null) ended.put(run.openId, result.startedAt());
            run.opened = null;
            run.openId = null;
        }
    }

    /** A continuous probe's result covers its target for two intervals; a result after that leaves an unknown span. */
    private void addToCoverage(ResultRow result, Duration every) {
        Instant until = result.startedAt().plus(every.multipliedBy(2));
        Coverage target = coverage.computeIfAbsent(result.key().targetId(), k -> new Coverage(null, null, false));
        if (target.coveredUntil == null) {
            target.firstCoveredAt = result.startedAt();
            target.coveredUntil = until;
            return;
        }
        if (result.startedAt().isAfter(target.coveredUntil)) {
            unknown.add(new UnknownSpan(result.key().targetId(), target.coveredUntil, result.startedAt()));
        }
        if (result.startedAt().isBefore(target.firstCoveredAt)) target.firstCoveredAt = result.startedAt();
        if (until.isAfter(target.coveredUntil)) target.coveredUntil = until;
    }

    /** Each target's hourly buckets the chunk touched, keyed by the UTC hour's start. */
    Map<TargetKey, TargetBucket> hours() {
        return hours;
    }

    /** Each target's daily buckets the chunk touched, keyed by the day in the report zone. */
    Map<TargetKey, TargetBucket> days() {
        return days;
    }

    Map<ValueKey, ValueBucket> valueDays() {
        return valueDays;
    }

    /** Every run the chunk touched, and those loaded for it, by probe key. */
    Map<String, ProbeRun> runs() {
        return runs;
    }

    /** Every target's coverage the chunk touched, and those loaded for it, by target id. */
    Map<String, Coverage> coverage() {
        return coverage;
    }

    /** The incidents the chunk opened, in order; an up in the same chunk may have ended them already. */
    List<NewIncident> opened() {
        return opened;
    }

    /** The stored incidents the chunk ended: their ids and end. */
    Map<Long, Instant> ended() {
        return ended;
    }

    /** The spans without a verdict the chunk found, in order. */
    List<UnknownSpan> unknown() {
        return unknown;
    }

    /** A target's bucket: {@code bucket} is an hour's start as an {@link Instant}, or a {@link LocalDate}. */
    record TargetKey(String targetId, Object bucket) {}

    /** A numeric value's bucket: {@code bucket} is a {@link LocalDate} in the report zone. */
    record ValueKey(String probeKey, String name, Object bucket) {}

    record UnknownSpan(String targetId, Instant from, Instant to) {}

    /** A probe's run of downs; {@code openId} (stored) or {@code opened} (by this chunk) is its open incident. */
    static final class ProbeRun {
        final DownRun downs;
        Long openId;
        NewIncident opened;
        /** Whether the run has a stored row, which is then updated rather than inserted. */
        final boolean stored;

        ProbeRun(DownRun downs, Long openId, boolean stored) {
            this.downs = downs;
            this.openId = openId;
            this.stored = stored;
        }

        boolean isOpen() {
            return openId != null || opened != null;
        }
    }

    /** An incident this chunk opened, written when the chunk is; {@code id} is set once it is. */
    static final class NewIncident {
        final ResultRow confirming;
        final Instant startedAt;
        final boolean continuous;
        Instant endedAt;
        long id;

        NewIncident(ResultRow confirming, Instant startedAt, boolean continuous) {
            this.confirming = confirming;
            this.startedAt = startedAt;
            this.continuous = continuous;
        }
    }

    /** Until when a target's continuous probes have vouched for it, and since when. */
    static final class Coverage {
        Instant firstCoveredAt;
        Instant coveredUntil;
        /** Whether the target has a stored row, which is then updated rather than inserted. */
        final boolean stored;

        Coverage(Instant firstCoveredAt, Instant coveredUntil, boolean stored) {
            this.firstCoveredAt = firstCoveredAt;
            this.coveredUntil = coveredUntil;
            this.stored = stored;
        }
    }
}
