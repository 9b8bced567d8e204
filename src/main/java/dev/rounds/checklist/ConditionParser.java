package dev.rounds.checklist;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses {@code expect} lines, {@code operand op literal}, once at load time. Which operands a probe type
 * measures is the loader's concern; this class only knows the language.
 */
public final class ConditionParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)%");
    private static final String OPERATORS = "== != < <= > >= contains matches";
    private static final Set<Operator> ORDERING = EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE);

    private ConditionParser() {}

    /**
     * Parses one condition.
     *
     * @throws InvalidConditionException with a sentence saying what is wrong and where
     */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidConditionException(
                    "empty condition; write it as 'operand op value', e.g. status == 200", 0);
        }
        int at = skipSpace(text, 0);
        Matcher name = NAME.matcher(text).region(at, text.length());
        if (!name.lookingAt()) {
            throw new InvalidConditionException(
                    "a condition starts with what to measure, e.g. status == 200; got " + Problem.quote(text.strip()),
                    at);
        }
        String operandName = name.group();
        String argument = null;
        at = name.end();
        if (at < text.length() && text.charAt(at) == '(') {
            int close = closingParenthesis(text, at);
            if (close < 0) {
                throw new InvalidConditionException("'(' after '" + operandName + "' is never closed", at);
            }
            argument = text.substring(at + 1, close);
            if (argument.isBlank()) {
                throw new InvalidConditionException(
                        "'" + operandName + "()' needs an argument, e.g. " + operandName + "($.path)", at);
            }
            at = close + 1;
        }
        Operand operand = new Operand(operandName, argument);

        at = skipSpace(text, at);
        int operatorAt = at;
        Operator operator = operatorAt(text, at);
        if (operator == null) {
            String rest = text.substring(at).strip();
            if (rest.isEmpty()) {
                throw new InvalidConditionException(
                        "expected an operator (" + OPERATORS + ") after '" + operand + "'", at);
            }
            if (rest.startsWith("=")) {
                throw new InvalidConditionException("'=' is not an operator; use '==' to compare", at);
            }
            throw new InvalidConditionException(
                    "expected an operator (" + OPERATORS + ") after '" + operand + "', got '" + firstWord(rest) + "'",
                    at);
        }
        at = skipSpace(text, at + operator.symbol().length());
        String written = text.substring(at).strip();
        if (written.isEmpty()) {
            throw new InvalidConditionException("expected a value after '" + operator.symbol() + "'", at);
        }
        Literal literal = literal(written, operator, at);
        return new Condition(text.strip(), operand, operator, literal);
    }

    private static Operator operatorAt(String text, int at) {
        for (String symbol : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (text.startsWith(symbol, at)) {
                for (Operator op : Operator.values()) {
                    if (op.symbol().equals(symbol)) return op;
                }
            }
        }
        for (Operator word : new Operator[] {Operator.CONTAINS, Operator.MATCHES}) {
            int end = at + word.symbol().length();
            if (text.startsWith(word.symbol(), at)
                    && (end == text.length() || Character.isWhitespace(text.charAt(end)))) {
                return word;
            }
        }
        return null;
    }

    private static Literal literal(String written, Operator operator, int at) {
        Literal literal = value(written, operator, at);
        if (operator == Operator.MATCHES) {
            if (!(literal instanceof Literal.Text text)) {
                throw new InvalidConditionException(
                        "'matches' needs a quoted regular expression, e.g. body matches 'ok|healthy'; got " + written,
                        at);
            }
            try {
                return new Literal.Regex(Pattern.compile(text.value()), text.text());
            } catch (PatternSyntaxException e) {
                throw new InvalidConditionException(
                        "invalid regular expression " + text.text() + ": " + e.getDescription()
                                + (e.getIndex() >= 0
                                                && e.getIndex() < text.value().length()
                                        ? " at character " + (e.getIndex() + 1)
                                        : ""),
                        at);
            }
        }
        if (operator == Operator.CONTAINS && !(literal instanceof Literal.Text)) {
            throw new InvalidConditionException(
                    "'contains' needs quoted text, e.g. body contains 'ok'; got " + written, at);
        }
        if (ORDERING.contains(operator) && (literal instanceof Literal.Text || literal instanceof Literal.Bool)) {
            throw new InvalidConditionException(
                    "'" + operator.symbol() + "' compares numbers, durations, sizes and percentages, not " + written,
                    at);
        }
        return literal;
    }

    private static Literal value(String written, Operator operator, int at) {
        char first = written.charAt(0);
        if (first == '\'' || first == '"') {
            return new Literal.Text(unquote(written, at), written);
        }
        if (written.equals("true") || written.equals("false")) {
            return new Literal.Bool(Boolean.parseBoolean(written), written);
        }
        Matcher percent = PERCENT.matcher(written);
        if (percent.matches()) {
            return new Literal.Percent(Double.parseDouble(percent.group(1)), written);
        }
        if (NUMBER.matcher(written).matches()) {
            return new Literal.Number(Double.parseDouble(written), written);
        }
        var duration = Durations.tryParse(written);
        if (duration.isPresent()) {
            return new Literal.Time(duration.get(), written);
        }
        var size = Sizes.tryParse(written);
        if (size.isPresent()) {
            return new Literal.Size(size.get(), written);
        }
        throw new InvalidConditionException(
                "'" + written + "' after '" + operator.symbol()
                        + "' is not a value: write a number (200), duration (500ms), size (512MiB), percentage (99.5%),"
                        + " true/false or quoted text ('" + written.replace("'", "") + "')",
                at);
    }

    /** Removes the quotes; inside, a backslash escapes the quote character or another backslash. */
    private static String unquote(String written, int at) {
        char quote = written.charAt(0);
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\'
                    && i + 1 < written.length()
                    && (written.charAt(i + 1) == quote || written.charAt(i + 1) == '\\')) {
                value.append(written.charAt(++i));
            } else if (c == quote) {
                if (i != written.length() - 1) {
                    throw new InvalidConditionException(
                            "unexpected text after the closing quote: '"
                                    + written.substring(i + 1).strip() + "'",
                            at + i + 1);
                }
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw new InvalidConditionException("quoted text starting here is never closed with " + quote, at);
    }

    private static int closingParenthesis(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        return at;
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        return text.substring(0, end);
    }
}
