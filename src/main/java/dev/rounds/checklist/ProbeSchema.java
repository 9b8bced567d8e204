package dev.rounds.checklist;

import java.util.Map;
import java.util.Set;

/**
 * What a probe type accepts in a checklist, so that the loader can check a probe before anything runs.
 *
 * @param settings the type-specific keys and the kind of value each takes
 * @param required the settings that must be present
 * @param operands the names a condition may measure; a name written {@code json()} takes an argument, and
 *     {@value #ANY_NAME} admits any plain name, for types whose operands the checklist names itself
 *     (metrics values, plugin performance data)
 */
public record ProbeSchema(String type, Map<String, SettingKind> settings, Set<String> required, Set<String> operands) {

    /** The operand entry that admits any plain name. */
    public static final String ANY_NAME = "*";

    public ProbeSchema {
        settings = Map.copyOf(settings);
        required = Set.copyOf(required);
        operands = Set.copyOf(operands);
    }

    /** The kinds of value a probe setting may take. */
    public enum SettingKind {
        STRING,
        INTEGER,
        BOOLEAN,
        DURATION,
        SIZE,
        STRING_LIST,
        STRING_MAP
    }
}
