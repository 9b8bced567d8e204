package dev.rounds.advisory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an advisory stands: {@code new} until a person decides whether it applies. */
public enum TriageState {
    NEW,
    APPLIES,
    NOT_APPLICABLE,
    PATCHED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TriageState> of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** The states a person may set. */
    public static String decisions() {
        return Arrays.stream(values())
                .filter(s -> s != NEW)
                .map(TriageState::label)
                .collect(Collectors.joining(", "));
    }
}
