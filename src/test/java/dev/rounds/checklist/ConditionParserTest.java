package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            status == 200                  | status           | EQ       | Number  | 200
            status==200                    | status           | EQ       | Number  | 200
            status != 503                  | status           | NE       | Number  | 503
            load < 4.5                     | load             | LT       | Number  | 4.5
            delta >= -1                    | delta            | GE       | Number  | -1
            response_time < 500ms          | response_time    | LT       | Time    | 500ms
            age <= 26h                     | age              | LE       | Time    | 26h
            age <= 4d17h                   | age              | LE       | Time    | 4d17h
            size > 512MiB                  | size             | GT       | Size    | 512MiB
            size >= 1GB                    | size             | GE       | Size    | 1GB
            availability >= 99.5%          | availability     | GE       | Percent | 99.5%
            body contains 'ok'             | body             | CONTAINS | Text    | 'ok'
            body contains "it's ok"        | body             | CONTAINS | Text    | "it's ok"
            body matches '^up\\s+\\d+$'      | body             | MATCHES  | Regex   | '^up\\s+\\d+$'
            connected == true              | connected        | EQ       | Bool    | true
            chain_valid != false           | chain_valid      | NE       | Bool    | false
            json($.a.b) == 1               | json($.a.b)      | EQ       | Number  | 1
            json($.items[?(@.x == 1)]) == 'y' | json($.items[?(@.x == 1)]) | EQ | Text | 'y'
            json($['a)b']) == 2            | json($['a)b'])   | EQ       | Number  | 2
            metric(node_load1) < 4         | metric(node_load1) | LT     | Number  | 4
            last_status == 'ok'            | last_status      | EQ       | Text    | 'ok'
            """)
    void parsesOperandOperatorAndLiteralKind(
            String text, String operand, Operator operator, String kind, String literal) {
        Condition condition = ConditionParser.parse(text);
        assertEquals(operand, condition.operand().key());
        assertEquals(operator, condition.operator());
        assertEquals(kind, condition.literal().getClass().getSimpleName());
        assertEquals(literal, condition.literal().text());
        assertEquals(text, condition.text());
    }

    @Test
    void convertsLiteralsToTheirValues() {
        assertEquals(
                Duration.ofMillis(500),
                ((Literal.Time) ConditionParser.parse("response_time < 500ms").literal()).value());
        assertEquals(
                536870912L,
                ((Literal.Size) ConditionParser.parse("size > 512MiB").literal()).bytes());
        assertEquals(
                99.5,
                ((Literal.Percent) ConditionParser.parse("uptime >= 99.5%").literal()).percent());
        assertEquals(
                "it's ok",
                ((Literal.Text) ConditionParser.parse("body contains 'it\\'s ok'")
                                .literal())
                        .value());
        assertEquals(
                "a\\b",
                ((Literal.Text) ConditionParser.parse("body == \"a\\\\b\"").literal()).value());
        assertEquals(
                "$.a.b", ConditionParser.parse("json($.a.b) == 1").operand().argument());
        Literal.Regex regex = assertInstanceOf(
                Literal.Regex.class,
                ConditionParser.parse("body matches 'ok|healthy'").literal());
        assertEquals("ok|healthy", regex.value().pattern());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                        | 0  | empty condition; write it as 'operand op value', e.g. status == 200
            == 200                    | 0  | a condition starts with what to measure, e.g. status == 200; got '== 200'
            status                    | 6  | expected an operator (== != < <= > >= contains matches) after 'status'
            status = 200              | 7  | '=' is not an operator; use '==' to compare
            status is 200             | 7  | expected an operator (== != < <= > >= contains matches) after 'status', got 'is'
            status ==                 | 9  | expected a value after '=='
            status == running         | 10 | 'running' after '==' is not a value: write a number (200), duration (500ms), size (512MiB), percentage (99.5%), true/false or quoted text ('running')
            every < 5 minutes         | 8  | '5 minutes' after '<' is not a value: write a number (200), duration (500ms), size (512MiB), percentage (99.5%), true/false or quoted text ('5 minutes')
            size > 1M                 | 7  | '1M' after '>' is not a value: write a number (200), duration (500ms), size (512MiB), percentage (99.5%), true/false or quoted text ('1M')
            body == 'ok               | 8  | quoted text starting here is never closed with '
            body == 'ok' extra        | 12 | unexpected text after the closing quote: 'extra'
            json($.a == 1             | 4  | '(' after 'json' is never closed
            json() == 1               | 4  | 'json()' needs an argument, e.g. json($.path)
            body matches 200          | 13 | `'matches' needs a quoted regular expression, e.g. body matches 'ok|healthy'; got 200`
            body matches 'up('        | 13 | invalid regular expression 'up(': Unclosed group
            body matches 'a{2,1}'     | 13 | invalid regular expression 'a{2,1}': Illegal repetition range at character 6
            body contains 5           | 14 | 'contains' needs quoted text, e.g. body contains 'ok'; got 5
            body < 'abc'              | 7  | '<' compares numbers, durations, sizes and percentages, not 'abc'
            connected >= true         | 13 | '>=' compares numbers, durations, sizes and percentages, not true
            """)
    void rejectsWithASentenceAndThePosition(String text, int position, String message) {
        var error = assertThrows(InvalidConditionException.class, () -> ConditionParser.parse(text));
        assertEquals(message, error.getMessage());
        assertEquals(position, error.position());
    }
}
