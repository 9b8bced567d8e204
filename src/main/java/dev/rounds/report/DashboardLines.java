package dev.rounds.report;

import dev.rounds.report.Dashboard.Ack;
import dev.rounds.report.Dashboard.Action;
import dev.rounds.report.Dashboard.Line;
import dev.rounds.report.Dashboard.ProbeGroup;
import dev.rounds.report.Dashboard.ProbeLine;
import dev.rounds.report.Dashboard.Row;
import dev.rounds.report.Dashboard.State;
import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules that turn an occurrence's row into its one dashboard line: its state, the action it asks for, the one
 * message that explains it, and its probes grouped so that a message shows once. Pure: no database, no clock.
 */
final class DashboardLines {

    /** Failures first, then setup, then the rest; within a state the earliest due first. */
    static final Comparator<Line> ORDER = Comparator.comparing(Line::state)
            .thenComparing(l -> l.row().dueAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(l -> l.row().title());

    private DashboardLines() {}

    /**
     * At most this many probe groups are listed under a line, those that fail first: an activity over a thousand
     * targets would otherwise put a thousand groups (each tcp probe's message names its own connect time) on the
     * page. The rest are counted, and listed on the occurrence's page.
     */
    static final int LISTED_GROUPS = 25;

    static Line line(Row row, OccurrenceStatus status, String checklistId, String checklist, Instant now, ZoneId zone) {
        State state = stateOf(row, status);
        List<ProbeGroup> groups = groups(row.probes());
        List<ProbeGroup> listed = listed(groups);
        return new Line(
                row,
                checklistId,
                checklist,
                state,
                DashboardDue.label(row.dueAt(), now, zone),
                actionOf(state, row),
                summary(row.probes()),
                messageOf(state, row, status),
                state == State.ACKNOWLEDGED ? firstAck(row) : null,
                listed,
                probeCount(groups) - probeCount(listed));
    }

    /** The groups a line lists: all of them, or the first {@link #LISTED_GROUPS}, failing ones before passing ones. */
    static List<ProbeGroup> listed(List<ProbeGroup> groups) {
        if (groups.size() <= LISTED_GROUPS) return groups;
        return groups.stream()
                .sorted(Comparator.comparing(
                        g -> g.state().equals("up") || g.state().equals("warn")))
                .limit(LISTED_GROUPS)
                .toList();
    }

    private static int probeCount(List<ProbeGroup> groups) {
        return groups.stream().mapToInt(g -> g.probes().size()).sum();
    }

    static State stateOf(Row row, OccurrenceStatus status) {
        if (status == OccurrenceStatus.WAIVED) return State.WAIVED;
        if (status == OccurrenceStatus.RETIRED) return State.RETIRED;
        List<ProbeLine> probes = row.probes();
        if (probes.stream().anyMatch(p -> p.acknowledgeable() && p.status().equals("down"))) return State.DOWN;
        if (probes.stream().anyMatch(ProbeLine::acknowledgeable)) return State.ERROR;
        if (probes.stream().anyMatch(p -> p.setup() != null)) return State.SETUP;
        if (probes.stream().anyMatch(p -> p.failing() && p.ack() != null)) return State.ACKNOWLEDGED;
        if (status == OccurrenceStatus.MISSED) return State.OVERDUE;
        if (row.awaitingSignoff()) return State.SIGNOFF;
        if (status.isSettled()) return State.DONE;
        if (status == OccurrenceStatus.PASSING) return State.PASSING;
        return State.OPEN;
    }

    static Action actionOf(State state, Row row) {
        return switch (state) {
            case DOWN -> row.awaitingSignoff() ? Action.SIGN_OFF : Action.ACKNOWLEDGE;
            case ERROR -> Action.LOOK;
            case SETUP -> Action.SET_UP;
            case ACKNOWLEDGED, OVERDUE -> row.awaitingSignoff() ? Action.SIGN_OFF : Action.NONE;
            case SIGNOFF -> Action.SIGN_OFF;
            default -> Action.NONE;
        };
    }

    private static String messageOf(State state, Row row, OccurrenceStatus status) {
        String reason = Objects.requireNonNullElse(row.reason(), "");
        return switch (state) {
            case DOWN, ERROR ->
                row.probes().stream()
                        .filter(p -> p.acknowledgeable() && p.status().equals(state.key()))
                        .map(p -> Objects.requireNonNullElse(p.message(), ""))
                        .findFirst()
                        .orElse(reason);
            case SETUP ->
                "lacks a "
                        + String.join(
                                ", ",
                                row.probes().stream()
                                        .filter(p -> p.setup() != null)
                                        .map(p -> p.setup().kind())
                                        .distinct()
                                        .toList());
            case DONE ->
                row.signedOffBy() != null
                        ? "signed off by " + row.signedOffBy()
                        : status == OccurrenceStatus.LATE ? "completed late" : "";
            case ACKNOWLEDGED -> "";
            default -> reason;
        };
    }

    private static Ack firstAck(Row row) {
        return row.probes().stream()
                .filter(p -> p.failing() && p.ack() != null)
                .map(ProbeLine::ack)
                .findFirst()
                .orElse(null);
    }

    /** {@code 3 of 4 up}, or {@code manual} for an activity without probes. */
    static String summary(List<ProbeLine> probes) {
        if (probes.isEmpty()) return "manual";
        long up = probes.stream()
                .filter(p -> p.status().equals("up") || p.status().equals("warn"))
                .count();
        return up + " of " + probes.size() + " up";
    }

    private static List<ProbeGroup> groups(List<ProbeLine> probes) {
        Map<List<Object>, List<ProbeLine>> grouped = new LinkedHashMap<>();
        for (ProbeLine p : probes) {
            String state = stateOf(p);
            // the fix itself is in the setup panel, once
            String message = p.setup() != null
                    ? "needs setup: " + p.setup().kind()
                    : Objects.requireNonNullElse(p.message(), "");
            grouped.computeIfAbsent(
                            Arrays.asList(
                                    state,
                                    message,
                                    p.ack() == null ? null : p.ack().id()),
                            k -> new ArrayList<>())
                    .add(p);
        }
        List<ProbeGroup> groups = new ArrayList<>();
        grouped.forEach((key, lines) -> groups.add(new ProbeGroup(
                (String) key.get(0),
                (String) key.get(1),
                lines.get(0).ack(),
                lines.stream().map(ProbeLine::label).toList())));
        return groups;
    }

    private static String stateOf(ProbeLine p) {
        if (p.setup() != null) return "setup";
        if (p.failing() && p.ack() != null) return "acknowledged";
        return p.status();
    }

    /** How many lines show each state: every state that shows on a line, and those always counted. */
    static List<Dashboard.Count> counts(List<Line> lines) {
        Map<State, Long> counted = new EnumMap<>(State.class);
        for (State s : State.values()) counted.put(s, 0L);
        lines.forEach(l -> counted.merge(l.state(), 1L, Long::sum));
        List<Dashboard.Count> counts = new ArrayList<>();
        counted.forEach((state, n) -> {
            if (n > 0 || state.alwaysCounted()) counts.add(new Dashboard.Count(state, n));
        });
        return counts;
    }
}
