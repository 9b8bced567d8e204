package dev.rounds.checklist;

import java.util.List;
import java.util.Map;

/**
 * A named set of targets; a child inherits its parent's defaults and may override them.
 *
 * @param defaults its probe defaults merged over its ancestors' (the nearer group wins)
 * @param maintenance the recurring maintenance windows it declares itself
 * @param slaHours the service hours it declares itself, or {@code null}
 */
public record Group(
        String id,
        String parent,
        Map<String, Object> defaults,
        List<MaintenanceWindow> maintenance,
        ServiceHours slaHours) {

    public Group {
        defaults = Map.copyOf(defaults);
        maintenance = List.copyOf(maintenance);
    }

    /** A group without maintenance windows or service hours of its own. */
    public Group(String id, String parent, Map<String, Object> defaults) {
        this(id, parent, defaults, List.of(), null);
    }
}
