package dev.rounds.checklist;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A host or service from the inventory.
 *
 * @param groups the groups it belongs to directly
 * @param defaults probe defaults inherited from its groups (nearest group wins)
 * @param sla availability objective as a fraction (0.999 for 99.9%), or {@code null}
 * @param maintenance its recurring maintenance windows: its own, then those of its groups and their ancestors
 * @param slaHours the service hours its SLA counts: its own, else its nearest group's; {@code null} for all hours
 */
public record Target(
        String id,
        String address,
        List<String> groups,
        Double sla,
        Map<String, String> attributes,
        List<String> software,
        Map<String, Object> defaults,
        boolean enabled,
        String pausedReason,
        List<MaintenanceWindow> maintenance,
        ServiceHours slaHours) {

    /** In an address, the port Rounds itself listens on: {@code localhost:${quarkus.http.port}}. */
    public static final String OWN_PORT = "${quarkus.http.port}";

    private static final Pattern WITH_PORT =
            Pattern.compile("^(?:[^:\\[\\]]+|\\[[^\\]]+\\]):(?:\\d+|\\$\\{quarkus\\.http\\.port\\})$");

    public Target {
        groups = List.copyOf(groups);
        attributes = Map.copyOf(attributes);
        software = List.copyOf(software);
        defaults = Map.copyOf(defaults);
        maintenance = List.copyOf(maintenance);
    }

    /** A target without maintenance windows, counted over all hours. */
    public Target(
            String id,
            String address,
            List<String> groups,
            Double sla,
            Map<String, String> attributes,
            List<String> software,
            Map<String, Object> defaults,
            boolean enabled,
            String pausedReason) {
        this(id, address, groups, sla, attributes, software, defaults, enabled, pausedReason, List.of(), null);
    }

    /** The same target at another address. */
    public Target withAddress(String other) {
        return new Target(
                id, other, groups, sla, attributes, software, defaults, enabled, pausedReason, maintenance, slaHours);
    }

    /** Whether the address names a port: {@code db01:5432}, {@code [::1]:8443} or {@code localhost:${quarkus.http.port}}. */
    public boolean addressHasPort() {
        return address != null && WITH_PORT.matcher(address).matches();
    }
}
