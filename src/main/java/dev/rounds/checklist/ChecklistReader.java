package dev.rounds.checklist;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one checklist file against the inventory and the probe types the catalog knows. */
final class ChecklistReader {

    static final Set<String> CHECKLIST_KEYS =
            Set.of("id", "title", "cadence", "starts", "due", "timezone", "owner", "controls", "activities");
    static final Set<String> ACTIVITY_KEYS =
            Set.of("id", "title", "guidance", "due", "probes", "signoff", "enabled", "reason", "controls");
    static final String DEFAULT_OWNER = "operations";

    /** Checklist and activity ids: they appear in probe keys, subjects and URLs. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final YamlFile file;
    private final ProbeSpecReader probeReader;
    private final ControlRefReader controlReader;
    private final ZoneId defaultZone;
    private Node idNode;

    /**
     * @param inventoryKnown {@code false} when the inventory could not be read, so that every target would look
     *     unknown: target references are then not checked rather than reported twice over
     */
    ChecklistReader(
            YamlFile file,
            ProbeCatalog catalog,
            Inventory inventory,
            boolean inventoryKnown,
            ControlRefReader controlReader,
            ZoneId defaultZone) {
        this.file = file;
        this.probeReader = new ProbeSpecReader(file, catalog, inventory, inventoryKnown);
        this.controlReader = controlReader;
        this.defaultZone = defaultZone;
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
        YamlFields fields = file.fields(root, "a checklist");
        if (fields == null) return null;
        int before = file.problemCount();
        fields.rejectUnknown(CHECKLIST_KEYS);
        String id = fields.requiredText("id");
        idNode = fields.value("id");
        if (id != null && !ID.matcher(id).matches()) {
            file.problem(idNode, "checklist id '" + id + "' must use lowercase letters, digits and dashes, e.g. daily");
        }
        String title = fields.requiredText("title");
        Cadence cadence = new CadenceReader(file).read(fields);
        Duration due = due(fields, cadence, "the checklist");
        ZoneId timezone = timezone(fields);
        String owner = Optional.ofNullable(fields.text("owner")).orElse(DEFAULT_OWNER);
        List<ControlRef> controls = controlReader.read(fields, "the checklist");
        List<Activity> activities = new ArrayList<>();
        activities(fields, cadence, controls, activities);
        if (file.problemCount() != before || id == null || title == null || cadence == null || timezone == null) {
            return null;
        }
        return new Checklist(
                id,
                title,
                cadence,
                due != null ? due : cadence.shortestPeriod(),
                timezone,
                owner,
                activities,
                file.name(),
                sha256);
    }

    /** A due offset, checked against the cadence's shortest period (when the cadence is known). */
    private Duration due(YamlFields fields, Cadence cadence, String what) {
        Duration due = fields.duration("due");
        if (due != null && cadence != null && due.compareTo(cadence.shortestPeriod()) > 0) {
            file.problem(
                    fields.value("due"),
                    "'due' of " + what + " (" + fields.text("due") + ") is past the end of the shortest "
                            + cadence.yamlName() + " period (" + cadence.shortestPeriodText() + ")");
            return null;
        }
        return due;
    }

    private ZoneId timezone(YamlFields fields) {
        String written = fields.text("timezone");
        if (written == null) return fields.has("timezone") ? null : defaultZone;
        try {
            return ZoneId.of(written);
        } catch (DateTimeException e) {
            file.problem(
                    fields.value("timezone"),
                    "unknown timezone '" + written + "'"
                            + Suggestions.didYouMean(written, ZoneId.getAvailableZoneIds())
                            + "; use an IANA name like Europe/London or UTC");
            return null;
        }
    }

    /** Reads the activities into {@code into}, leaving out those with problems. */
    private void activities(YamlFields fields, Cadence cadence, List<ControlRef> inherited, List<Activity> into) {
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
            Activity activity = activity(item, cadence, inherited, seen);
            if (activity != null) into.add(activity);
        }
    }

    private Activity activity(Node item, Cadence cadence, List<ControlRef> inherited, Map<String, Node> seen) {
        YamlFields fields = file.fields(item, "an activity");
        if (fields == null) return null;
        int before = file.problemCount();
        String id = fields.requiredText("id");
        if (id != null) fields.describeAs("activity '" + id + "'");
        fields.rejectUnknown(ACTIVITY_KEYS);
        if (id != null) {
            file.checkId(
                    "activity",
                    id,
                    fields.value("id"),
                    ID,
                    "lowercase letters, digits and dashes, e.g. backup-review",
                    seen);
        }
        String what = id == null ? "the activity" : "activity '" + id + "'";
        String title = fields.requiredText("title");
        String guidance = fields.text("guidance");
        Duration due = due(fields, cadence, what);
        List<ProbeSpec> probes = new ArrayList<>();
        List<Node> probeNodes = fields.list("probes");
        if (probeNodes != null) {
            for (int index = 0; index < probeNodes.size(); index++) {
                ProbeSpec probe = probeReader.read(probeNodes.get(index), index, what);
                if (probe != null) probes.add(probe);
            }
        }
        SignoffPolicy signoff = signoff(fields, probeNodes != null && !probeNodes.isEmpty(), what);
        boolean enabled = !Boolean.FALSE.equals(fields.bool("enabled"));
        String reason = InventoryReader.pausedReason(file, fields, enabled, what);
        Set<ControlRef> controls = new LinkedHashSet<>(inherited);
        controls.addAll(controlReader.read(fields, what));
        if (file.problemCount() != before || id == null || title == null || signoff == null) return null;
        return new Activity(
                id,
                title,
                guidance,
                due,
                probes,
                signoff,
                enabled,
                reason,
                item.getStartMark().getLine() + 1,
                List.copyOf(controls));
    }

    private SignoffPolicy signoff(YamlFields fields, boolean hasProbes, String what) {
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
            file.problem(
                    fields.value("signoff"),
                    "unknown signoff '" + written + "'"
                            + Suggestions.didYouMean(written, List.of("none", "on-failure", "always"))
                            + "; use none, on-failure or always");
            return null;
        }
        if (!hasProbes && policy != SignoffPolicy.ALWAYS) {
            file.problem(
                    fields.value("signoff"),
                    what + " has no probes, so only a person can prove it was done: "
                            + "its signoff must be 'always', got " + Problem.quote(written));
            return null;
        }
        return policy;
    }
}
