package dev.rounds.checklist;

/**
 * What a condition measures: a plain name such as {@code status}, or a function such as {@code json($.a.b)}.
 *
 * @param argument the text between the parentheses, or {@code null} for a plain name
 */
public record Operand(String name, String argument) {

    /** The key under which a probe reports this operand's value: {@code status}, {@code json($.a.b)}. */
    public String key() {
        return argument == null ? name : name + "(" + argument + ")";
    }

    @Override
    public String toString() {
        return key();
    }
}
