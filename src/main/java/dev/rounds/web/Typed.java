package dev.rounds.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a page's form, by field name, so that a refused form comes back with it rather than
 * empty. Templates show it through Qute, which escapes it like any other value. Passwords are never kept.
 */
public final class Typed {

    /** A form shown for the first time: every field empty. */
    public static final Typed NOTHING = new Typed(Map.of());

    private final Map<String, List<String>> fields;

    private Typed(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** Fields given as name, value, name, value…; a {@code null} value is an empty field. */
    public static Typed of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("give each field's name and value");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            fields.put(namesAndValues[i], value == null ? List.of() : List.of(value));
        }
        return new Typed(fields);
    }

    /** The same, with a field of several values (checked boxes, a multiple select). */
    public Typed with(String name, Collection<String> values) {
        Map<String, List<String>> more = new LinkedHashMap<>(fields);
        more.put(
                name,
                values == null
                        ? List.of()
                        : values.stream().filter(v -> v != null).toList());
        return new Typed(more);
    }

    /** What was typed into the field, or the empty text. */
    public String value(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Whether the field was given this value: a select's option or a checkbox to show chosen again. */
    public boolean chose(String name, String value) {
        return fields.getOrDefault(name, List.of()).contains(value);
    }

    /** Whether anything was typed at all, i.e. this is a refused form rather than a first showing. */
    public boolean any() {
        return !fields.isEmpty();
    }
}
