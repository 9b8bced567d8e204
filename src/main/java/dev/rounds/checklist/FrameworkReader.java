package dev.rounds.checklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one framework catalog: its id, title, source and the controls activities may reference. */
final class FrameworkReader {

    static final Set<String> FRAMEWORK_KEYS = Set.of("id", "title", "source", "controls");
    static final Set<String> CONTROL_KEYS = Set.of("id", "title", "family");

    /** Control ids as frameworks write them: {@code CP-9}, {@code CP-9(1)}, {@code A.8.13}, {@code CC7.2}. */
    static final Pattern CONTROL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.()_-]*");

    private final YamlFile file;
    private Node idNode;

    FrameworkReader(YamlFile file) {
        this.file = file;
    }

    /** Where the framework's id is written, once {@link #read} has run. */
    Node idNode() {
        return idNode;
    }

    /** The framework, or {@code null} when it has problems (all of them reported). */
    Framework read(Node root, String sha256) {
        if (root == null) {
            file.problem("the file is empty; a framework needs id, title and controls");
            return null;
        }
        YamlFields fields = file.fields(root, "a framework");
        if (fields == null) return null;
        int before = file.problemCount();
        fields.rejectUnknown(FRAMEWORK_KEYS);
        String id = fields.requiredText("id");
        idNode = fields.value("id");
        if (id != null && !ChecklistReader.ID.matcher(id).matches()) {
            file.problem(
                    idNode,
                    "framework id '" + id + "' must use lowercase letters, digits and dashes, e.g. nist-800-53r5");
        }
        String title = fields.requiredText("title");
        String source = Objects.requireNonNullElse(fields.text("source"), "");
        List<Control> controls = controls(fields);
        if (file.problemCount() != before || id == null || title == null) return null;
        return new Framework(id, title, source, controls, file.name(), sha256);
    }

    private List<Control> controls(YamlFields fields) {
        List<Control> controls = new ArrayList<>();
        if (!fields.has("controls")) {
            fields.missing("controls");
            return controls;
        }
        List<Node> items = fields.list("controls");
        if (items == null) return controls;
        Map<String, Node> seen = new HashMap<>();
        for (Node item : items) {
            YamlFields control = file.fields(item, "a control");
            if (control == null) continue;
            control.rejectUnknown(CONTROL_KEYS);
            String id = control.requiredText("id");
            if (id == null) continue;
            if (!file.checkId(
                    "control",
                    id,
                    control.value("id"),
                    CONTROL_ID,
                    "letters, digits, dots, dashes and parentheses, e.g. CP-9(1) or A.8.13",
                    seen)) {
                continue;
            }
            controls.add(new Control(
                    id,
                    Objects.requireNonNullElse(control.text("title"), ""),
                    Objects.requireNonNullElse(control.text("family"), "")));
        }
        return controls;
    }
}
