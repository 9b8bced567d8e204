package dev.rounds.checklist;

import java.util.List;
import java.util.Map;

/**
 * A host or service from the inventory.
 *
 * @param groups the groups it belongs to directly
 * @param defaults probe defaults inherited from its groups (nearest group wins)
 * @param sla availability objective as a fraction (0.999 for 99.9%), or {@code null}
 */
public record Target(String id, String address, List<String> groups, Double sla, Map<String, String> attributes,
        List<String> software, Map<String, Object> defaults, boolean enabled, String pausedReason) {

    public Target {
        groups = List.copyOf(groups);
        attributes = Map.copyOf(attributes);
        software = List.copyOf(software);
        defaults = Map.copyOf(defaults);
    }
}
