package dev.rounds.probe;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Cadence;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Literal;
import dev.rounds.checklist.Operand;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.checklist.Target;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builds configuration records the way the checklist loader would, for tests that need no YAML. */
public final class Fixtures {

    private Fixtures() {}

    public static Target target(String id, String address) {
        return new Target(id, address, List.of(), null, Map.of(), List.of(), Map.of(), true, null);
    }

    public static ProbeSpec spec(
            String type, Target target, Map<String, Object> settings, Duration timeout, Condition... expect) {
        return new ProbeSpec(0, type, target.id(), List.of(target), settings, null, timeout, 2, List.of(expect));
    }

    public static ProbeSpec continuous(
            int index,
            String type,
            List<Target> targets,
            Map<String, Object> settings,
            Duration every,
            Duration timeout) {
        return new ProbeSpec(index, type, "group:test", targets, settings, every, timeout, 2, List.of());
    }

    public static Activity activity(String id, boolean enabled, ProbeSpec... probes) {
        return new Activity(
                id,
                id,
                null,
                null,
                List.of(probes),
                SignoffPolicy.NONE,
                enabled,
                enabled ? null : "paused by a test",
                0,
                List.of());
    }

    public static Checklist checklist(String id, Activity... activities) {
        return new Checklist(
                id,
                id,
                Cadence.DAILY,
                Duration.ofHours(10),
                ZoneOffset.UTC,
                "operations",
                List.of(activities),
                id + ".yaml",
                "0".repeat(64));
    }

    /** A condition as the parser would build it from {@code operand op literal}. */
    public static Condition expect(String operand, Operator operator, Literal literal) {
        int open = operand.indexOf('(');
        Operand parsed = open < 0
                ? new Operand(operand, null)
                : new Operand(operand.substring(0, open), operand.substring(open + 1, operand.length() - 1));
        return new Condition(operand + " " + operator.symbol() + " " + literal.text(), parsed, operator, literal);
    }

    public static Literal number(double value) {
        return new Literal.Number(
                value, value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
    }

    public static Literal millis(long millis) {
        return new Literal.Time(Duration.ofMillis(millis), millis + "ms");
    }

    public static Literal text(String value) {
        return new Literal.Text(value, '"' + value + '"');
    }

    public static Literal bool(boolean value) {
        return new Literal.Bool(value, String.valueOf(value));
    }
}
