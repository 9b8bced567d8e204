package dev.rounds.checklist;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One YAML file being read: turns node shapes into values and every mismatch into a located {@link Problem}. */
final class YamlFile {

    private final String name;
    private final List<Problem> problems;

    YamlFile(String name, List<Problem> problems) {
        this.name = name;
        this.problems = problems;
    }

    String name() {
        return name;
    }

    int problemCount() {
        return problems.size();
    }

    /**
     * Checks that an id has the form ids of its kind take and that it is the first of them in its scope; a
     * duplicate is reported with the line of the first.
     *
     * @param formRule how ids of this kind are written, e.g. {@code lowercase letters, digits and dashes, e.g. x}
     * @return whether the id is new
     */
    boolean checkId(String kind, String id, Node at, Pattern form, String formRule, Map<String, Node> seen) {
        if (!form.matcher(id).matches()) {
            problem(at, kind + " id '" + id + "' must use " + formRule);
        }
        Node first = seen.putIfAbsent(id, at);
        if (first != null) {
            problem(
                    at,
                    "duplicate " + kind + " id '" + id + "' (first at line "
                            + (first.getStartMark().getLine() + 1) + ")");
            return false;
        }
        return true;
    }

    void problem(Node at, String message) {
        problem(at.getStartMark(), message);
    }

    /** A problem with the file as a whole, reported at its first line. */
    void problem(String message) {
        problems.add(new Problem(name, 1, 1, message));
    }

    void problem(Mark mark, String message) {
        problems.add(new Problem(name, mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    /** Reports a problem {@code offset} characters into a scalar's text, where its source shows it one to one. */
    void problem(Node at, int offset, String message) {
        Mark start = at.getStartMark();
        int column = start.getColumn() + 1;
        if (at instanceof ScalarNode scalar
                && start.getLine() == at.getEndMark().getLine()) {
            DumperOptions.ScalarStyle style = scalar.getScalarStyle();
            String value = scalar.getValue();
            if (style == DumperOptions.ScalarStyle.PLAIN) {
                column += offset;
            } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED && !value.contains("'")
                    || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                            && !value.contains("\"")
                            && !value.contains("\\")) {
                column += 1 + offset;
            }
        }
        problems.add(new Problem(name, start.getLine() + 1, column, message));
    }

    static boolean isNull(Node node) {
        return node == null
                || node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** What a node is, for "got ..." in a message. */
    static String describe(Node node) {
        if (isNull(node)) return "nothing";
        if (node instanceof ScalarNode scalar) return Problem.quote(scalar.getValue());
        if (node instanceof SequenceNode) return "a list";
        return "a mapping";
    }

    /** Opens a mapping, or reports what the node is instead and returns {@code null}. */
    YamlFields fields(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return new YamlFields(this, mapping, what);
        }
        problem(node, what + " must be a mapping of keys to values, got " + describe(node));
        return null;
    }

    /** The text of a scalar, or a problem saying what {@code key} must be. */
    String text(Node value, String key) {
        if (value instanceof ScalarNode scalar && !isNull(value)) return scalar.getValue();
        problem(value, "'" + key + "' must be text, got " + describe(value));
        return null;
    }

    /** The items of a list, or a problem saying {@code key} must be one. */
    List<Node> list(Node value, String key) {
        if (value instanceof SequenceNode sequence) return sequence.getValue();
        problem(value, "'" + key + "' must be a list, got " + describe(value));
        return null;
    }
}
