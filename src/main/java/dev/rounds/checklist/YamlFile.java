package dev.rounds.checklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
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
            problem(at, "duplicate " + kind + " id '" + id + "' (first at line " + (first.getStartMark().getLine() + 1) + ")");
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
        if (at instanceof ScalarNode scalar && start.getLine() == at.getEndMark().getLine()) {
            DumperOptions.ScalarStyle style = scalar.getScalarStyle();
            String value = scalar.getValue();
            if (style == DumperOptions.ScalarStyle.PLAIN) {
                column += offset;
            } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED && !value.contains("'")
                    || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED && !value.contains("\"") && !value.contains("\\")) {
                column += 1 + offset;
            }
        }
        problems.add(new Problem(name, start.getLine() + 1, column, message));
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** What a node is, for "got ..." in a message. */
    static String describe(Node node) {
        if (isNull(node)) return "nothing";
        if (node instanceof ScalarNode scalar) return Problem.quote(scalar.getValue());
        if (node instanceof SequenceNode) return "a list";
        return "a mapping";
    }

    /** Opens a mapping, or reports what the node is instead and returns {@code null}. */
    Fields fields(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return new Fields(mapping, what);
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

    /** The keys of a mapping, each checked once, with YAML merge keys ({@code <<: *defaults}) applied. */
    final class Fields {

        private final MappingNode node;
        private String what;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        private Fields(MappingNode node, String what) {
            this.node = node;
            this.what = what;
            List<Node> merged = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node key = tuple.getKeyNode();
                if (key.getTag().equals(Tag.MERGE)) {
                    merged.add(tuple.getValueNode());
                } else if (!(key instanceof ScalarNode scalar)) {
                    problem(key, "keys in " + what + " must be plain text, got " + describe(key));
                } else if (entries.containsKey(scalar.getValue())) {
                    problem(key, "duplicate key '" + scalar.getValue() + "' in " + what + " (first at line "
                            + (entries.get(scalar.getValue()).getKeyNode().getStartMark().getLine() + 1) + ")");
                } else {
                    entries.put(scalar.getValue(), tuple);
                }
            }
            // Explicit keys win over merged ones wherever they appear, as in YAML's merge-key rule.
            merged.forEach(source -> merge(source, 0));
        }

        private void merge(Node source, int depth) {
            if (depth > 8) {
                problem(source, "merge keys in " + what + " nest too deeply");
            } else if (source instanceof SequenceNode list) {
                list.getValue().forEach(item -> merge(item, depth + 1));
            } else if (source instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                        merge(tuple.getValueNode(), depth + 1);
                    } else if (tuple.getKeyNode() instanceof ScalarNode key) {
                        entries.putIfAbsent(key.getValue(), tuple);
                    }
                }
            } else {
                problem(source, "'<<' merges a mapping into " + what + ", got " + describe(source));
            }
        }

        /** Reports every key not in {@code known}, with the closest known key as a hint. */
        void rejectUnknown(Collection<String> known) {
            entries.forEach((key, tuple) -> {
                if (!known.contains(key)) {
                    String hint = Suggestions.didYouMean(key, known);
                    problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + what
                            + (hint.isEmpty() ? "; known keys: " + String.join(", ", new TreeSet<>(known)) : hint));
                }
            });
        }

        /** Names the mapping in later messages once it is known, e.g. {@code activity 'backup-review'}. */
        void describeAs(String name) {
            what = name;
        }

        MappingNode node() {
            return node;
        }

        /** Whether the key is written with a value. */
        boolean has(String key) {
            return value(key) != null;
        }

        /** The value of a key, or {@code null} when it is absent or empty. */
        Node value(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null || isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
        }

        /** Where a key is written, falling back to the mapping itself. */
        Node where(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null ? node : tuple.getValueNode();
        }

        /** Reports a missing required key, or an empty one where it is written. */
        void missing(String key) {
            NodeTuple tuple = entries.get(key);
            if (tuple == null) {
                problem(node, what + " is missing required key '" + key + "'");
            } else {
                problem(tuple.getKeyNode(), "'" + key + "' in " + what + " needs a value");
            }
        }

        String text(String key) {
            Node value = value(key);
            return value == null ? null : YamlFile.this.text(value, key);
        }

        String requiredText(String key) {
            if (!has(key)) {
                missing(key);
                return null;
            }
            return text(key);
        }

        Boolean bool(String key) {
            Node value = value(key);
            if (value == null) return null;
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
                return switch (scalar.getValue().toLowerCase()) {
                    case "true", "yes", "on" -> true;
                    default -> false;
                };
            }
            problem(value, "'" + key + "' must be true or false, got " + describe(value));
            return null;
        }

        /** A whole number of at least {@code min}. */
        Integer integer(String key, int min) {
            Node value = value(key);
            if (value == null) return null;
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
                try {
                    int number = Integer.parseInt(scalar.getValue().replace("_", ""));
                    if (number >= min) return number;
                } catch (NumberFormatException tooLarge) {
                    // falls through to the message below
                }
            }
            problem(value, "'" + key + "' must be a whole number of at least " + min + ", got " + describe(value));
            return null;
        }

        /** A whole number of any size an int holds. */
        Integer wholeNumber(String key) {
            Node value = value(key);
            if (value == null) return null;
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
                try {
                    return Integer.parseInt(scalar.getValue().replace("_", ""));
                } catch (NumberFormatException tooLarge) {
                    // falls through to the message below
                }
            }
            problem(value, "'" + key + "' must be a whole number, got " + describe(value));
            return null;
        }

        /** A size in bytes, written with a unit. */
        Long size(String key) {
            Node value = value(key);
            if (value == null) return null;
            try {
                return Sizes.parse(key, value instanceof ScalarNode scalar ? scalar.getValue() : describe(value));
            } catch (IllegalArgumentException e) {
                problem(value, e.getMessage());
                return null;
            }
        }

        Duration duration(String key) {
            Node value = value(key);
            if (value == null) return null;
            if (value instanceof ScalarNode scalar) {
                try {
                    return Durations.parse(key, scalar.getValue());
                } catch (IllegalArgumentException e) {
                    problem(value, e.getMessage());
                    return null;
                }
            }
            problem(value, "'" + key + "' must be a duration like 30s or 5m, got " + describe(value));
            return null;
        }

        /** A duration that must be longer than zero. */
        Duration positiveDuration(String key) {
            Duration duration = duration(key);
            if (duration != null && duration.isZero()) {
                problem(value(key), "'" + key + "' must be longer than zero");
                return null;
            }
            return duration;
        }

        List<Node> list(String key) {
            Node value = value(key);
            return value == null ? null : YamlFile.this.list(value, key);
        }

        /** A list of text items; an item that is not text is reported and left out. */
        List<String> textList(String key) {
            List<Node> items = list(key);
            if (items == null) return null;
            List<String> texts = new ArrayList<>();
            for (Node item : items) {
                if (item instanceof ScalarNode scalar && !isNull(item)) {
                    texts.add(scalar.getValue());
                } else {
                    problem(item, "'" + key + "' must be a list of text, got " + describe(item) + " in it");
                }
            }
            return texts;
        }

        /** A mapping of text to text; nested values are reported and left out. */
        Map<String, String> textMap(String key) {
            Node value = value(key);
            if (value == null) return null;
            Fields map = fields(value, "'" + key + "'");
            if (map == null) return null;
            Map<String, String> texts = new LinkedHashMap<>();
            map.entries.forEach((name, tuple) -> {
                Node item = tuple.getValueNode();
                if (item instanceof ScalarNode scalar) {
                    texts.put(name, isNull(item) ? "" : scalar.getValue());
                } else {
                    problem(item, "'" + key + "' maps names to text; '" + name + "' is " + describe(item));
                }
            });
            return texts;
        }

        /** Every key written, in order, with its key and value nodes. */
        Map<String, NodeTuple> tuples() {
            return entries;
        }
    }
}
