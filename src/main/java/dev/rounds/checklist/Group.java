package dev.rounds.checklist;

import java.util.Map;

/** A named set of targets; a child inherits its parent's defaults and may override them. */
public record Group(String id, String parent, Map<String, Object> defaults) {

    public Group {
        defaults = Map.copyOf(defaults);
    }
}
