package dev.rounds.checklist;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one checklist file against the inventory and the probe types the catalog knows. */
final class ChecklistReader {

    static final Set<String> CHECKLIST_KEYS = Set.of("id", "title", "cadence", "due", "timezone", "owner", "activities");
    static final Set<String> ACTIVITY_KEYS = Set.of("id", "title", "guidance", "due", "probes", "signoff", "enabled", "reason");
    static final Set<String> PROBE_KEYS = Set.of("type", "target", "every", "timeout", "confirm", "expect");
    static final String DEFAULT_OWNER = "operations";
    static final String GROUP_PREFIX = "group:";

    /** Checklist and activity ids: they appear in probe keys, subjects and URLs. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Map<Cadence, Duration> SHORTEST_PERIOD = Map.of(
            Cadence.DAILY, Duration.ofDays(1),
            Cadence.WEEKLY, Duration.ofDays(7),
            Cadence.MONTHLY, Duration.ofDays(28),
            Cadence.QUARTERLY, Duration.ofDays(90));
    private static final Map<Cadence, String> SHORTEST_PERIOD_TEXT = Map.of(
            Cadence.DAILY, "24h", Cadence.WEEKLY, "7d", Cadence.MONTHLY, "28d, February", Cadence.QUARTERLY, "90d, January to March");

    private final YamlFile file;
    private final ProbeCatalog catalog;
    private final Inventory inventory;
    private final boolean inventoryKnown;
    private final ZoneId defaultZone;
    private Node idNode;

    /**
     * @param inventoryKnown {@code false} when the inventory could not be read, so that every target would look
     *     unknown: target references are then not checked rather than reported twice over
     */
    ChecklistReader(YamlFile file, ProbeCatalog catalog, Inventory inventory, boolean inventoryKnown, ZoneId defaultZone) {
        this.file = file;
        this.catalog = catalog;
        this.inventory = inventory;
        this.inventoryKnown = inventoryKnown;
        this.defaultZone = defaultZone;
    }

    /** The shortest period of a cadence: a due offset past it could never be met in some periods. */
    static Duration shortestPeriod(Cadence cadence) {
        return SHORTEST_PERIOD.get(cadence);
    }

    /** Where the checklist's id is written, once {@link #read} has run. */
    Node idNode() {
        return idNode;
    }

    /** The checklist, or {@code null} when it has problems (all of them reported). */
    Checklist read(Node root, String sha256) {
        if (root == null) {
            file.problem("the file is empty; a checklist needs id, title, cadence and activities");
            return null;
        }
        YamlFile.Fields fields = file.fields(root, "a checklist");
        if (fields == null) return null;
        int before = file.problemCount();
        fields.rejectUnknown(CHECKLIST_KEYS);
        String id = fields.requiredText("id");
        idNode = fields.value("id");
        if (id != null && !ID.matcher(id).matches()) {
            file.problem(idNode, "checklist id '" + id + "' must use lowercase letters, digits and dashes, e.g. daily");
        }
        String title = fields.requiredText("title");
        Cadence cadence = cadence(fields);
        Duration due = due(fields, cadence, "the checklist");
        ZoneId timezone = timezone(fields);
        String owner = Optional.ofNullable(fields.text("owner")).orElse(DEFAULT_OWNER);
        List<Activity> activities = new ArrayList<>();
        activities(fields, cadence, activities);
        if (file.problemCount() != before || id == null || title == null || cadence == null || timezone == null) {
            return null;
        }
        return new Checklist(id, title, cadence, due != null ? due : shortestPeriod(cadence), timezone, owner,
                activities, file.name(), sha256);
    }

    private Cadence cadence(YamlFile.Fields fields) {
        String written = fields.requiredText("cadence");
        if (written == null) return null;
        if (written.strip().toLowerCase(Locale.ROOT).startsWith("rrule:")) {
            file.problem(fields.value("cadence"), "cadence '" + written + "' is not supported yet; "
                    + "use daily, weekly, monthly or quarterly");
            return null;
        }
        for (Cadence cadence : Cadence.values()) {
            if (cadence.yamlName().equals(written)) return cadence;
        }
        List<String> names = List.of("daily", "weekly", "monthly", "quarterly");
        file.problem(fields.value("cadence"), "unknown cadence '" + written + "'" + Suggestions.didYouMean(written, names)
                + (Suggestions.closest(written, names).isPresent() ? "" : "; use daily, weekly, monthly or quarterly"));
        return null;
    }

    /** A due offset, checked against the cadence's shortest period (when the cadence is known). */
    private Duration due(YamlFile.Fields fields, Cadence cadence, String what) {
        Duration due = fields.duration("due");
        if (due != null && cadence != null && due.compareTo(shortestPeriod(cadence)) > 0) {
            file.problem(fields.value("due"), "'due' of " + what + " (" + fields.text("due") + ") is past the end of the shortest "
                    + cadence.yamlName() + " period (" + SHORTEST_PERIOD_TEXT.get(cadence) + ")");
            return null;
        }
        return due;
    }

    private ZoneId timezone(YamlFile.Fields fields) {
        String written = fields.text("timezone");
        if (written == null) return fields.has("timezone") ? null : defaultZone;
        try {
            return ZoneId.of(written);
        } catch (DateTimeException e) {
            file.problem(fields.value("timezone"), "unknown timezone '" + written + "'"
                    + Suggestions.didYouMean(written, ZoneId.getAvailableZoneIds())
                    + "; use an IANA name like Europe/London or UTC");
            return null;
        }
    }

    /** Reads the activities into {@code into}, leaving out those with problems. */
    private void activities(YamlFile.Fields fields, Cadence cadence, List<Activity> into) {
        if (!fields.has("activities")) {
            fields.missing("activities");
            return;
        }
        List<Node> items = fields.list("activities");
        if (items == null) return;
        if (items.isEmpty()) {
            file.problem(fields.value("activities"), "'activities' must list at least one activity");
            return;
        }
        Map<String, Node> seen = new HashMap<>();
        for (Node item : items) {
            Activity activity = activity(item, cadence, seen);
            if (activity != null) into.add(activity);
        }
    }

    private Activity activity(Node item, Cadence cadence, Map<String, Node> seen) {
        YamlFile.Fields fields = file.fields(item, "an activity");
        if (fields == null) return null;
        int before = file.problemCount();
        String id = fields.requiredText("id");
        if (id != null) fields.describeAs("activity '" + id + "'");
        fields.rejectUnknown(ACTIVITY_KEYS);
        if (id != null) {
            file.checkId("activity", id, fields.value("id"), ID, "lowercase letters, digits and dashes, e.g. backup-review", seen);
        }
        String what = id == null ? "the activity" : "activity '" + id + "'";
        String title = fields.requiredText("title");
        String guidance = fields.text("guidance");
        Duration due = due(fields, cadence, what);
        List<ProbeSpec> probes = new ArrayList<>();
        List<Node> probeNodes = fields.list("probes");
        if (probeNodes != null) {
            for (int index = 0; index < probeNodes.size(); index++) {
                ProbeSpec probe = probe(probeNodes.get(index), index, what);
                if (probe != null) probes.add(probe);
            }
        }
        SignoffPolicy signoff = signoff(fields, probeNodes != null && !probeNodes.isEmpty(), what);
        boolean enabled = !Boolean.FALSE.equals(fields.bool("enabled"));
        String reason = InventoryReader.pausedReason(file, fields, enabled, what);
        if (file.problemCount() != before || id == null || title == null || signoff == null) return null;
        return new Activity(id, title, guidance, due, probes, signoff, enabled, reason);
    }

    private SignoffPolicy signoff(YamlFile.Fields fields, boolean hasProbes, String what) {
        String written = fields.text("signoff");
        if (written == null) {
            if (fields.has("signoff")) return null;
            return hasProbes ? SignoffPolicy.NONE : SignoffPolicy.ALWAYS;
        }
        SignoffPolicy policy = null;
        for (SignoffPolicy candidate : SignoffPolicy.values()) {
            if (candidate.yamlName().equals(written)) policy = candidate;
        }
        if (policy == null) {
            file.problem(fields.value("signoff"), "unknown signoff '" + written + "'"
                    + Suggestions.didYouMean(written, List.of("none", "on-failure", "always"))
                    + "; use none, on-failure or always");
            return null;
        }
        if (!hasProbes && policy != SignoffPolicy.ALWAYS) {
            file.problem(fields.value("signoff"), what + " has no probes, so only a person can prove it was done: "
                    + "its signoff must be 'always', got " + Problem.quote(written));
            return null;
        }
        return policy;
    }

    private ProbeSpec probe(Node item, int index, String activity) {
        String what = "probe " + (index + 1) + " of " + activity;
        YamlFile.Fields fields = file.fields(item, what);
        if (fields == null) return null;
        int before = file.problemCount();
        String type = fields.requiredText("type");
        ProbeSchema schema = null;
        if (type != null) {
            schema = catalog.schema(type).orElse(null);
            if (schema == null) {
                Set<String> known = new TreeSet<>(catalog.types());
                file.problem(fields.value("type"), "unknown probe type '" + type + "'" + Suggestions.didYouMean(type, known)
                        + (known.isEmpty() ? "; no probe types are installed" : "; known types: " + String.join(", ", known)));
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
        Map<String, Object> settings = schema == null ? Map.of() : settings(fields, schema, what);
        if (file.problemCount() != before || schema == null || targetRef == null || confirm == null) return null;
        return new ProbeSpec(index, type, targetRef, targets, settings, every, timeout, confirm, expect);
    }

    /** A target id, or {@code group:NAME} for every target in that group and the groups below it. */
    private List<Target> resolve(String ref, Node where) {
        if (!inventoryKnown) return List.of();
        if (ref.startsWith(GROUP_PREFIX)) {
            String group = ref.substring(GROUP_PREFIX.length());
            if (!inventory.groups().containsKey(group)) {
                file.problem(where, "unknown group '" + group + "'" + Suggestions.didYouMean(group, inventory.groups().keySet())
                        + "; groups are declared under 'groups:' in " + inventory.file());
                return List.of();
            }
            List<Target> members = inventory.targets().stream()
                    .filter(t -> t.groups().stream().anyMatch(g -> InventoryReader.ancestry(g, inventory.groups()).contains(group)))
                    .toList();
            if (members.isEmpty()) {
                file.problem(where, "group '" + group + "' has no targets; add targets to it in " + inventory.file()
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
    private Integer inheritedConfirm(List<Target> targets, String targetRef, YamlFile.Fields fields) {
        Map<String, Integer> byTarget = new TreeMap<>();
        for (Target target : targets) {
            Object inherited = target.defaults().get("confirm");
            byTarget.put(target.id(), inherited instanceof Integer n ? n : ProbeSpec.DEFAULT_CONFIRM);
        }
        Set<Integer> distinct = new TreeSet<>(byTarget.values());
        if (distinct.size() > 1) {
            file.problem(fields.value("target"), "the targets of " + targetRef + " inherit different 'confirm' defaults ("
                    + byTarget.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
                    + "); write 'confirm' on the probe");
            return null;
        }
        return distinct.isEmpty() ? ProbeSpec.DEFAULT_CONFIRM : distinct.iterator().next();
    }

    private List<Condition> conditions(YamlFile.Fields fields, ProbeSchema schema) {
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
            Set<String> names = operands.stream().map(o -> o.replace("()", "")).collect(Collectors.toCollection(TreeSet::new));
            message = "probe type '" + schema.type() + "' has no operand '" + operand.name() + "'"
                    + Suggestions.didYouMean(operand.name(), names) + "; it measures " + String.join(", ", new TreeSet<>(operands));
        }
        file.problem(where, 0, message);
        return false;
    }

    private Map<String, Object> settings(YamlFile.Fields fields, ProbeSchema schema, String what) {
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
            if (!fields.has(required)) {
                if (fields.tuples().containsKey(required)) {
                    fields.missing(required);
                } else {
                    file.problem(fields.node(), what + " (type '" + schema.type() + "') needs setting '" + required + "'");
                }
            }
        }
        return settings;
    }
}
