package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionEvaluateTest {

    static Stream<Arguments> outcomes() {
        return Stream.of(
                // numbers, whatever their Java type
                Arguments.of("status == 200", 200, true, "status (200) == 200"),
                Arguments.of("status == 200", 503, false, "status (503) == 200"),
                Arguments.of("status == 200", 200L, true, "status (200) == 200"),
                Arguments.of("status == 200", 200.0, true, "status (200) == 200"),
                Arguments.of("status != 200", 503, true, "status (503) != 200"),
                Arguments.of("load < 4.5", 4.25, true, "load (4.25) < 4.5"),
                Arguments.of("load <= 4.5", 4.5, true, "load (4.5) <= 4.5"),
                Arguments.of("load > 4.5", 4.5, false, "load (4.5) > 4.5"),
                Arguments.of("load >= 4.5", new BigDecimal("4.50"), true, "load (4.5) >= 4.5"),
                Arguments.of("load == 1", Double.NaN, false, "load (NaN) == 1"),
                Arguments.of("load != 1", Double.NaN, true, "load (NaN) != 1"),
                // durations
                Arguments.of("response_time < 500ms", Duration.ofMillis(812), false, "response_time (812ms) < 500ms"),
                Arguments.of("response_time < 500ms", Duration.ofMillis(120), true, "response_time (120ms) < 500ms"),
                Arguments.of("age <= 26h", Duration.ofHours(26), true, "age (1d2h) <= 26h"),
                Arguments.of("age < 4d17h", Duration.ofDays(5), false, "age (5d) < 4d17h"),
                // sizes arrive as bytes
                Arguments.of("size >= 512MiB", 536870912L, true, "size (512MiB) >= 512MiB"),
                Arguments.of("size >= 512MiB", 536870911L, false, "size (536870911B) >= 512MiB"),
                Arguments.of("size > 1GB", 1_000_000_001L, true, "size (1000000001B) > 1GB"),
                // percentages arrive as percent
                Arguments.of("packet_loss <= 5%", 0.0, true, "packet_loss (0%) <= 5%"),
                Arguments.of("packet_loss <= 5%", 20.5, false, "packet_loss (20.5%) <= 5%"),
                // text
                Arguments.of("body contains 'ok'", "status: ok", true, "body ('status: ok') contains 'ok'"),
                Arguments.of(
                        "body contains 'ok'",
                        "Service Unavailable",
                        false,
                        "body ('Service Unavailable') contains 'ok'"),
                Arguments.of("last_status == 'success'", "success", true, "last_status ('success') == 'success'"),
                Arguments.of("last_status != 'success'", "failed", true, "last_status ('failed') != 'success'"),
                Arguments.of("body matches '^up\\s+\\d+$'", "up  42", true, "body ('up  42') matches '^up\\s+\\d+$'"),
                Arguments.of(
                        "body matches 'healthy'", "is healthy now", true, "body ('is healthy now') matches 'healthy'"),
                Arguments.of(
                        "body matches '^healthy$'",
                        "is healthy now",
                        false,
                        "body ('is healthy now') matches '^healthy$'"),
                Arguments.of("body contains 'x'", "line1\nline2", false, "body ('line1\\nline2') contains 'x'"),
                Arguments.of(
                        "body contains 'zzz'",
                        "a".repeat(100),
                        false,
                        "body ('" + "a".repeat(60) + "…') contains 'zzz'"),
                // lists: contains means one element equals the text
                Arguments.of(
                        "answers contains '10.0.0.1'",
                        List.of("10.0.0.1", "10.0.0.2"),
                        true,
                        "answers (['10.0.0.1', '10.0.0.2']) contains '10.0.0.1'"),
                Arguments.of(
                        "answers contains '10.0.0.1'",
                        List.of("10.0.0.10"),
                        false,
                        "answers (['10.0.0.10']) contains '10.0.0.1'"),
                // booleans
                Arguments.of("connected == true", true, true, "connected (true) == true"),
                Arguments.of("connected == true", false, false, "connected (false) == true"),
                Arguments.of("chain_valid != false", true, true, "chain_valid (true) != false"),
                // missing
                Arguments.of("json($.x) == 1", null, false, "json($.x) (missing) == 1"),
                Arguments.of("json($.x) != 1", null, false, "json($.x) (missing) != 1"),
                // mismatched kinds fail and say why
                Arguments.of(
                        "status == 200", "200", false, "status ('200') == 200: text cannot be compared with a number"),
                Arguments.of(
                        "response_time < 500ms",
                        812,
                        false,
                        "response_time (812) < 500ms: a number cannot be compared with a duration"),
                Arguments.of(
                        "size > 1GB",
                        Duration.ofSeconds(1),
                        false,
                        "size (1s) > 1GB: a duration cannot be compared with a size"),
                Arguments.of(
                        "connected == true",
                        1,
                        false,
                        "connected (1) == true: a number cannot be compared with true/false"),
                Arguments.of(
                        "body contains 'ok'",
                        200,
                        false,
                        "body (200) contains 'ok': a number cannot be compared with text"),
                Arguments.of(
                        "body matches 'ok'",
                        true,
                        false,
                        "body (true) matches 'ok': true/false cannot be compared with a regular expression"),
                Arguments.of(
                        "uptime >= 99%",
                        "99", false, "uptime ('99') >= 99%: text cannot be compared with a percentage"),
                Arguments.of(
                        "answers == 'a'",
                        List.of("a"),
                        false,
                        "answers (['a']) == 'a': a list cannot be compared with text"));
    }

    @ParameterizedTest(name = "{0} with {1}: {3}")
    @MethodSource("outcomes")
    void judgesTheObservedValueAndKeepsItInTheText(String condition, Object observed, boolean holds, String text) {
        ConditionOutcome outcome = ConditionParser.parse(condition).evaluate(observed);
        assertEquals(text, outcome.text());
        assertEquals(holds, outcome.holds());
    }
}
