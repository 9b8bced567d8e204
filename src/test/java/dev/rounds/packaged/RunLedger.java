package dev.rounds.packaged;

import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeSlots;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each continuous probe × target pair ran, as the database or the listeners saw it, held against the pair's
 * slots ({@link ProbeSlots}: its interval shifted by a stable offset). A run belongs to the slot nearest to it, so a
 * run up to half an interval late still counts for its own slot.
 */
final class RunLedger {

    private final Duration every;
    private final Map<ProbeKey, List<Instant>> runs;

    private RunLedger(Duration every, Map<ProbeKey, List<Instant>> runs) {
        this.every = every;
        this.runs = runs;
        runs.values().forEach(list -> list.sort(null));
    }

    /** The runs the instances persisted: each result's {@code started_at}. */
    static RunLedger persisted(Connection db, LoopbackChecklist checklist) throws SQLException {
        Map<ProbeKey, List<Instant>> runs = new TreeMap<>(Comparator.comparing(ProbeKey::toString));
        try (PreparedStatement select =
                db.prepareStatement("SELECT probe_key, started_at FROM probe_result WHERE checklist_id = ?")) {
            select.setString(1, LoopbackChecklist.ID);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.computeIfAbsent(ProbeKey.parse(rows.getString(1)), key -> new ArrayList<>())
                            .add(rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return new RunLedger(checklist.every(), runs);
    }

    /** The runs the listeners were connected by; each port must be probed by one pair alone. */
    static RunLedger connected(LoopbackListeners listeners, LoopbackChecklist checklist) {
        Map<ProbeKey, List<Instant>> runs = new TreeMap<>(Comparator.comparing(ProbeKey::toString));
        checklist.keysByPort().forEach((port, keys) -> {
            if (keys.size() != 1) throw new IllegalArgumentException("port " + port + " is probed by " + keys);
            runs.put(keys.get(0), new ArrayList<>(listeners.accepted(port)));
        });
        return new RunLedger(checklist.every(), runs);
    }

    /** Slots that ran more than once, one line each. */
    List<String> duplicates() {
        List<String> found = new ArrayList<>();
        runs.forEach((key, instants) -> {
            for (int i = 1; i < instants.size(); i++) {
                Instant slot = slotOf(key, instants.get(i));
                if (slot.equals(slotOf(key, instants.get(i - 1)))) {
                    found.add(key + " slot " + slot + " ran at " + instants.get(i - 1) + " and " + instants.get(i));
                }
            }
        });
        return found;
    }

    /**
     * Stretches of {@code [from, to]} longer than one interval plus {@code tolerance} in which a pair did not run,
     * one line each; the window's edges count as runs, so a pair that never ran in it is a gap too.
     */
    List<String> gaps(Collection<ProbeKey> keys, Instant from, Instant to, Duration tolerance) {
        Duration longest = every.plus(tolerance);
        List<String> found = new ArrayList<>();
        for (ProbeKey key : keys) {
            Instant previous = from;
            List<Instant> seen = new ArrayList<>(runs.getOrDefault(key, List.of()).stream()
                    .filter(run -> run.isAfter(from) && run.isBefore(to))
                    .toList());
            seen.add(to);
            for (Instant run : seen) {
                if (Duration.between(previous, run).compareTo(longest) > 0) {
                    found.add(key + " did not run between " + previous + " and " + run);
                }
                previous = run;
            }
        }
        return found;
    }

    /** The pairs of {@code keys} that did not run in {@code [from, to]}. */
    List<ProbeKey> silent(Collection<ProbeKey> keys, Instant from, Instant to) {
        return keys.stream()
                .filter(key -> runs.getOrDefault(key, List.of()).stream()
                        .noneMatch(run -> !run.isBefore(from) && !run.isAfter(to)))
                .toList();
    }

    private Instant slotOf(ProbeKey key, Instant run) {
        return ProbeSlots.firstRun(key, every, run.minus(every.dividedBy(2)));
    }

    /** At most ten lines and how many there were, for an assertion message. */
    static String summary(List<String> lines) {
        return lines.size() + ": " + String.join("\n  ", lines.subList(0, Math.min(10, lines.size())));
    }
}
