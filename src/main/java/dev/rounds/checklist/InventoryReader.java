package dev.rounds.checklist;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code inventory.yaml}: groups with inherited defaults, and the targets probes run against. */
final class InventoryReader {

    static final Set<String> INVENTORY_KEYS = Set.of("groups", "targets");
    static final Set<String> GROUP_KEYS = Set.of("parent", "defaults", "maintenance", "sla_hours");
    static final Set<String> DEFAULTS_KEYS = Set.of("timeout", "confirm");
    static final Set<String> TARGET_KEYS = Set.of(
            "id",
            "address",
            "groups",
            "sla",
            "attributes",
            "software",
            "enabled",
            "reason",
            "maintenance",
            "sla_hours");

    /** Target and group ids: they appear in probe keys and URLs, so no spaces, slashes, '#' or '@'. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern SLA = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

    private final YamlFile file;
    private final ServiceTimeReader serviceTime;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Node> parentNodes = new HashMap<>();

    InventoryReader(YamlFile file) {
        this.file = file;
        this.serviceTime = new ServiceTimeReader(file);
    }

    /** Reads what it can; every problem goes to the file's problem list. An empty file is an empty inventory. */
    Inventory read(Node root, String sha256) {
        List<Target> targets = new ArrayList<>();
        if (root != null) {
            YamlFields top = file.fields(root, "the inventory");
            if (top != null) {
                top.rejectUnknown(INVENTORY_KEYS);
                Node groupsNode = top.value("groups");
                if (groupsNode != null) {
                    YamlFields declared = file.fields(groupsNode, "'groups'");
                    if (declared != null) declared.tuples().forEach(this::readGroup);
                }
                checkParents();
                resolveDefaults();
                List<Node> items = top.list("targets");
                if (items != null) {
                    Map<String, Node> seen = new HashMap<>();
                    for (Node item : items) {
                        Target target = readTarget(item, seen);
                        if (target != null) targets.add(target);
                    }
                }
            }
        }
        return new Inventory(groups, targets, file.name(), sha256);
    }

    private void readGroup(String id, NodeTuple tuple) {
        if (!ID.matcher(id).matches()) {
            file.problem(
                    tuple.getKeyNode(),
                    "group id '" + id
                            + "' must use lowercase letters, digits, dots, dashes and underscores, e.g. web-servers");
        }
        String what = "group '" + id + "'";
        Node value = tuple.getValueNode();
        if (YamlFile.isNull(value)) {
            groups.put(id, new Group(id, null, Map.of()));
            return;
        }
        YamlFields fields = file.fields(value, what);
        if (fields == null) return;
        fields.rejectUnknown(GROUP_KEYS);
        String parent = fields.text("parent");
        if (parent != null) parentNodes.put(id, fields.value("parent"));
        Map<String, Object> defaults = new LinkedHashMap<>();
        Node defaultsNode = fields.value("defaults");
        if (defaultsNode != null) {
            YamlFields declared = file.fields(defaultsNode, "the defaults of " + what);
            if (declared != null) {
                declared.rejectUnknown(DEFAULTS_KEYS);
                Duration timeout = declared.positiveDuration("timeout");
                Integer confirm = declared.integer("confirm", 1);
                if (timeout != null) defaults.put("timeout", timeout);
                if (confirm != null) defaults.put("confirm", confirm);
            }
        }
        groups.put(
                id,
                new Group(
                        id, parent, defaults, serviceTime.maintenance(fields, what), serviceTime.serviceHours(fields)));
    }

    private void checkParents() {
        Set<String> reported = new LinkedHashSet<>();
        for (Group group : groups.values()) {
            if (group.parent() == null) continue;
            if (!groups.containsKey(group.parent())) {
                file.problem(
                        parentNodes.get(group.id()),
                        "unknown parent group '" + group.parent() + "' of group '" + group.id() + "'"
                                + Suggestions.didYouMean(group.parent(), groups.keySet()));
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(group.id()));
            String next = group.parent();
            while (next != null && groups.containsKey(next) && !chain.contains(next)) {
                chain.add(next);
                next = groups.get(next).parent();
            }
            if (group.id().equals(next) && reported.add(new java.util.TreeSet<>(chain).toString())) {
                chain.add(next);
                file.problem(
                        parentNodes.get(group.id()),
                        "group '" + group.id() + "' is its own ancestor: " + String.join(" -> ", chain)
                                + "; a group's parent chain must end at a group without a parent");
            }
        }
    }

    /** Merges every group's defaults over its ancestors', nearest first. */
    private void resolveDefaults() {
        Map<String, Group> resolved = new LinkedHashMap<>();
        for (Group group : groups.values()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (String ancestor : reversed(ancestry(group.id(), groups))) {
                merged.putAll(groups.get(ancestor).defaults());
            }
            resolved.put(
                    group.id(), new Group(group.id(), group.parent(), merged, group.maintenance(), group.slaHours()));
        }
        groups.putAll(resolved);
    }

    private Target readTarget(Node item, Map<String, Node> seen) {
        YamlFields fields = file.fields(item, "a target");
        if (fields == null) return null;
        String id = fields.requiredText("id");
        if (id != null) fields.describeAs("target '" + id + "'");
        fields.rejectUnknown(TARGET_KEYS);
        if (id != null) {
            if (!file.checkId(
                    "target",
                    id,
                    fields.value("id"),
                    ID,
                    "lowercase letters, digits, dots, dashes and underscores, e.g. host01",
                    seen)) {
                return null;
            }
        }
        String what = id == null ? "a target" : "target '" + id + "'";
        String address = fields.requiredText("address");
        List<String> memberOf = new ArrayList<>();
        List<org.yaml.snakeyaml.nodes.Node> groupNodes = fields.list("groups");
        if (groupNodes != null) {
            for (Node groupNode : groupNodes) {
                String group = file.text(groupNode, "groups");
                if (group == null) continue;
                if (!groups.containsKey(group)) {
                    file.problem(
                            groupNode,
                            "unknown group '" + group + "' in " + what
                                    + Suggestions.didYouMean(group, groups.keySet()));
                } else {
                    memberOf.add(group);
                }
            }
        }
        BigDecimal sla = sla(fields);
        Map<String, String> attributes = fields.textMap("attributes");
        List<String> software = fields.textList("software");
        boolean enabled = !Boolean.FALSE.equals(fields.bool("enabled"));
        String reason = pausedReason(file, fields, enabled, what);
        List<MaintenanceWindow> windows = new ArrayList<>(serviceTime.maintenance(fields, what));
        ServiceHours hours = serviceTime.serviceHours(fields);
        Map<String, Object> defaults = new LinkedHashMap<>();
        // The first listed group wins, so its defaults are laid over the others'.
        for (String group : reversed(memberOf)) {
            defaults.putAll(groups.get(group).defaults());
        }
        for (String group : memberOf) {
            for (String ancestor : ancestry(group, groups)) {
                Group g = groups.get(ancestor);
                g.maintenance().stream().filter(w -> !windows.contains(w)).forEach(windows::add);
                if (hours == null) hours = g.slaHours();
            }
        }
        if (id == null || address == null) return null;
        return new Target(
                id,
                address,
                memberOf,
                sla,
                attributes == null ? Map.of() : attributes,
                software == null ? List.of() : software,
                defaults,
                enabled,
                reason,
                windows,
                hours);
    }

    /** The reason of a paused activity or target; pausing without one is a problem. */
    static String pausedReason(YamlFile file, YamlFields fields, boolean enabled, String what) {
        String reason = fields.text("reason");
        if (enabled) return null;
        if (reason == null || reason.isBlank()) {
            file.problem(
                    fields.where("enabled"),
                    what + " is paused (enabled: false) but gives no 'reason'; "
                            + "say why, e.g. reason: decommissioned, see CHG-1234");
        }
        return reason;
    }

    /** Exact decimal, so 99.9% is 0.999 and not 0.9990000000000001, which would judge 99.9% a breach. */
    private BigDecimal sla(YamlFields fields) {
        Node value = fields.value("sla");
        if (value == null) return null;
        Matcher m = value instanceof ScalarNode scalar ? SLA.matcher(scalar.getValue()) : null;
        if (m != null && m.matches()) {
            BigDecimal percent = new BigDecimal(m.group(1));
            if (percent.signum() > 0 && percent.compareTo(HUNDRED) <= 0) return percent.movePointLeft(2);
        }
        file.problem(
                value,
                "'sla' must be a percentage above 0% and at most 100%, like 99.9%, got " + YamlFile.describe(value));
        return null;
    }

    /** A group and its ancestors, nearest first, stopping where a parent is unknown or the chain loops. */
    static List<String> ancestry(String group, Map<String, Group> groups) {
        List<String> chain = new ArrayList<>();
        for (String next = group;
                next != null && groups.containsKey(next) && !chain.contains(next);
                next = groups.get(next).parent()) {
            chain.add(next);
        }
        return chain;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
