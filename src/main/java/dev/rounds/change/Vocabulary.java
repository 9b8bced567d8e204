package dev.rounds.change;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words of the change log's enums as the API, the pages and the audit log write them: {@code rolled-back}. */
final class Vocabulary {

    private Vocabulary() {}

    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant a word names; otherwise a 422 that lists the words allowed for the field. */
    static <E extends Enum<E>> E parse(Class<E> type, String word, String field) {
        E[] values = type.getEnumConstants();
        return Arrays.stream(values)
                .filter(v -> label(v).equals(word == null ? null : word.strip()))
                .findFirst()
                .orElseThrow(() -> new ChangeRefused(
                        422,
                        field + " must be one of "
                                + Arrays.stream(values).map(Vocabulary::label).collect(Collectors.joining(", "))
                                + (word == null || word.isBlank() ? "" : "; got '" + word + "'")));
    }
}
