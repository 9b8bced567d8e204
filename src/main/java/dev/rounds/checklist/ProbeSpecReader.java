package dev.rounds.checklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one probe of a checklist's activity: its type and settings, its targets, its conditions. */
final class ProbeSpecReader {

    static final Set<String> PROBE_KEYS = Set.of("type", "target", "every", "timeout", "confirm", "expect");
    static final String GROUP_PREFIX = "group:";

    /** The one required setting a target's address may give instead: {@code db01:5432}. */
    private static final String PORT = "port";

    private final YamlFile file;
    private final ProbeCatalog catalog;
    private final Inventory inventory;
    private final boolean inventoryKnown;

    ProbeSpecReader(YamlFile file, ProbeCatalog catalog, Inventory inventory, boolean inventoryKnown) {
        this.file = file;
        this.catalog = catalog;
        this.inventory = inventory;
        this.inventoryKnown = inventoryKnown;
    }

    /** The probe at {@code index} of {@code activity}, or {@code null} when it has problems (all of them reported). */
    ProbeSpec read(Node item, int index, String activity) {
        String what = "probe " + (index + 1) + " of " + activity;
        YamlFields fields = file.fields(item, what);
        if (fields == null) return null;
        int before = file.problemCount();
        String type = fields.requiredText("type");
        ProbeSchema schema = null;
        if (type != null) {
            schema = catalog.schema(type).orElse(null);
            if (schema == null) {
                Set<String> known = new TreeSet<>(catalog.types());
                file.problem(
                        fields.value("type"),
                        "unknown probe type '" + type + "'" + Suggestions.didYouMean(type, known)
                                + (known.isEmpty()
                                        ? "; no probe types are installed"
                                        : "; known types: " + String.join(", ", known)));
            } else {
                Set<String> known = new LinkedHashSet<>(PROBE_KEYS);
                known.addAll(schema.settings().keySet());
                fields.rejectUnknown(known);
            }
        }
        String targetRef = fields.requiredText("target");
        List<Target> targets = targetRef == null ? List.of() : resolve(targetRef, fields.value("target"));
        Duration every = fields.positiveDuration("every");
        Duration timeout = fields.positiveDuration("timeout");
        Integer confirm = fields.integer("confirm", 1);
        if (confirm == null && !fields.has("confirm")) confirm = inheritedConfirm(targets, targetRef, fields);
        List<Condition> expect = conditions(fields, schema);
        Map<String, Object> settings = schema == null ? Map.of() : settings(fields, schema, what, targets);
        if (file.problemCount() != before || schema == null || targetRef == null || confirm == null) return null;
        return new ProbeSpec(index, type, targetRef, targets, settings, every, timeout, confirm, expect);
    }

    /** A target id, or {@code group:NAME} for every target in that group and the groups below it. */
    private List<Target> resolve(String ref, Node where) {
        if (!inventoryKnown) return List.of();
        if (ref.startsWith(GROUP_PREFIX)) {
            String group = ref.substring(GROUP_PREFIX.length());
            if (!inventory.groups().containsKey(group)) {
                file.problem(
                        where,
                        "unknown group '" + group + "'"
                                + Suggestions.didYouMean(
                                        group, inventory.groups().keySet())
                                + "; groups are declared under 'groups:' in " + inventory.file());
                return List.of();
            }
            List<Target> members = inventory.targets().stream()
                    .filter(t -> t.groups().stream()
                            .anyMatch(g -> InventoryReader.ancestry(g, inventory.groups())
                                    .contains(group)))
                    .toList();
            if (members.isEmpty()) {
                file.problem(
                        where,
                        "group '" + group + "' has no targets; add targets to it in " + inventory.file()
                                + " or point the probe at a target");
            }
            return members;
        }
        Optional<Target> target = inventory.target(ref);
        if (target.isEmpty()) {
            List<String> ids = inventory.targets().stream().map(Target::id).toList();
            String hint = inventory.groups().containsKey(ref)
                    ? "; to probe every target of group '" + ref + "', write target: group:" + ref
                    : Suggestions.didYouMean(ref, ids);
            file.problem(where, "unknown target '" + ref + "'" + hint);
            return List.of();
        }
        return List.of(target.get());
    }

    /** The confirm default the probe's targets agree on, else the built-in one; disagreement is a problem. */
    private Integer inheritedConfirm(List<Target> targets, String targetRef, YamlFields fields) {
        Map<String, Integer> byTarget = new TreeMap<>();
        for (Target target : targets) {
            Object inherited = target.defaults().get("confirm");
            byTarget.put(target.id(), inherited instanceof Integer n ? n : ProbeSpec.DEFAULT_CONFIRM);
        }
        Set<Integer> distinct = new TreeSet<>(byTarget.values());
        if (distinct.size() > 1) {
            file.problem(
                    fields.value("target"),
                    "the targets of " + targetRef + " inherit different 'confirm' defaults ("
                            + byTarget.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .collect(Collectors.joining(", "))
                            + "); write 'confirm' on the probe");
            return null;
        }
        return distinct.isEmpty()
                ? ProbeSpec.DEFAULT_CONFIRM
                : distinct.iterator().next();
    }

    private List<Condition> conditions(YamlFields fields, ProbeSchema schema) {
        List<Node> items = fields.list("expect");
        if (items == null) return List.of();
        List<Condition> conditions = new ArrayList<>();
        for (Node item : items) {
            String text = file.text(item, "expect");
            if (text == null) continue;
            try {
                Condition condition = ConditionParser.parse(text);
                if (schema == null || measures(schema, condition.operand(), item)) conditions.add(condition);
            } catch (InvalidConditionException e) {
                file.problem(item, e.position(), "invalid condition \"" + text.strip() + "\": " + e.getMessage());
            }
        }
        return conditions;
    }

    /** Whether the probe type measures this operand; if not, says what it does measure. */
    private boolean measures(ProbeSchema schema, Operand operand, Node where) {
        Set<String> operands = schema.operands();
        boolean takesArgument = operands.contains(operand.name() + "()");
        boolean plain = operands.contains(operand.name()) || operands.contains(ProbeSchema.ANY_NAME);
        if (operand.argument() == null ? plain : takesArgument) return true;
        String message;
        if (takesArgument) {
            message = "operand '" + operand.name() + "' of probe type '" + schema.type() + "' needs an argument, e.g. "
                    + operand.name() + "($.path)";
        } else if (plain) {
            message = "operand '" + operand.name() + "' of probe type '" + schema.type() + "' takes no argument";
        } else {
            Set<String> names =
                    operands.stream().map(o -> o.replace("()", "")).collect(Collectors.toCollection(TreeSet::new));
            message = "probe type '" + schema.type() + "' has no operand '" + operand.name() + "'"
                    + Suggestions.didYouMean(operand.name(), names) + "; it measures "
                    + String.join(", ", new TreeSet<>(operands));
        }
        file.problem(where, 0, message);
        return false;
    }

    private Map<String, Object> settings(YamlFields fields, ProbeSchema schema, String what, List<Target> targets) {
        Map<String, Object> settings = new LinkedHashMap<>();
        schema.settings().forEach((key, kind) -> {
            if (PROBE_KEYS.contains(key)) return;
            Object value = switch (kind) {
                case STRING -> fields.text(key);
                case INTEGER -> fields.wholeNumber(key);
                case BOOLEAN -> fields.bool(key);
                case DURATION -> fields.duration(key);
                case SIZE -> fields.size(key);
                case STRING_LIST -> fields.textList(key);
                case STRING_MAP -> fields.textMap(key);
            };
            if (value != null) settings.put(key, value);
        });
        for (String required : new TreeSet<>(schema.required())) {
            if (required.equals(PORT) && !targets.isEmpty() && targets.stream().allMatch(Target::addressHasPort)) {
                continue; // the port comes with every target's address
            }
            if (!fields.has(required)) {
                if (fields.tuples().containsKey(required)) {
                    fields.missing(required);
                } else {
                    file.problem(
                            fields.node(), what + " (type '" + schema.type() + "') needs setting '" + required + "'");
                }
            }
        }
        return settings;
    }
}
