package dev.rounds.checklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The keys of a mapping, each checked once, with YAML merge keys ({@code <<: *defaults}) applied. */
final class YamlFields {

    private final YamlFile file;

    private final MappingNode node;
    private String what;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlFields(YamlFile file, MappingNode node, String what) {
        this.file = file;
        this.node = node;
        this.what = what;
        List<Node> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node key = tuple.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                merged.add(tuple.getValueNode());
            } else if (!(key instanceof ScalarNode scalar)) {
                file.problem(key, "keys in " + what + " must be plain text, got " + YamlFile.describe(key));
            } else if (entries.containsKey(scalar.getValue())) {
                file.problem(
                        key,
                        "duplicate key '" + scalar.getValue() + "' in " + what + " (first at line "
                                + (entries.get(scalar.getValue())
                                                .getKeyNode()
                                                .getStartMark()
                                                .getLine()
                                        + 1) + ")");
            } else {
                entries.put(scalar.getValue(), tuple);
            }
        }
        // Explicit keys win over merged ones wherever they appear, as in YAML's merge-key rule.
        merged.forEach(source -> merge(source, 0));
    }

    private void merge(Node source, int depth) {
        if (depth > 8) {
            file.problem(source, "merge keys in " + what + " nest too deeply");
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
            file.problem(source, "'<<' merges a mapping into " + what + ", got " + YamlFile.describe(source));
        }
    }

    /** Reports every key not in {@code known}, with the closest known key as a hint. */
    void rejectUnknown(Collection<String> known) {
        entries.forEach((key, tuple) -> {
            if (!known.contains(key)) {
                String hint = Suggestions.didYouMean(key, known);
                file.problem(
                        tuple.getKeyNode(),
                        "unknown key '" + key + "' in " + what
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
        return tuple == null || YamlFile.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
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
            file.problem(node, what + " is missing required key '" + key + "'");
        } else {
            file.problem(tuple.getKeyNode(), "'" + key + "' in " + what + " needs a value");
        }
    }

    String text(String key) {
        Node value = value(key);
        return value == null ? null : file.text(value, key);
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
        file.problem(value, "'" + key + "' must be true or false, got " + YamlFile.describe(value));
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
        file.problem(
                value, "'" + key + "' must be a whole number of at least " + min + ", got " + YamlFile.describe(value));
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
        file.problem(value, "'" + key + "' must be a whole number, got " + YamlFile.describe(value));
        return null;
    }

    /** A size in bytes, written with a unit. */
    Long size(String key) {
        Node value = value(key);
        if (value == null) return null;
        try {
            return Sizes.parse(key, value instanceof ScalarNode scalar ? scalar.getValue() : YamlFile.describe(value));
        } catch (IllegalArgumentException e) {
            file.problem(value, e.getMessage());
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
                file.problem(value, e.getMessage());
                return null;
            }
        }
        file.problem(value, "'" + key + "' must be a duration like 30s or 5m, got " + YamlFile.describe(value));
        return null;
    }

    /** A duration that must be longer than zero. */
    Duration positiveDuration(String key) {
        Duration duration = duration(key);
        if (duration != null && duration.isZero()) {
            file.problem(value(key), "'" + key + "' must be longer than zero");
            return null;
        }
        return duration;
    }

    List<Node> list(String key) {
        Node value = value(key);
        return value == null ? null : file.list(value, key);
    }

    /** A list of text items; an item that is not text is reported and left out. */
    List<String> textList(String key) {
        List<Node> items = list(key);
        if (items == null) return null;
        List<String> texts = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && !YamlFile.isNull(item)) {
                texts.add(scalar.getValue());
            } else {
                file.problem(item, "'" + key + "' must be a list of text, got " + YamlFile.describe(item) + " in it");
            }
        }
        return texts;
    }

    /** A mapping of text to text; nested values are reported and left out. */
    Map<String, String> textMap(String key) {
        Node value = value(key);
        if (value == null) return null;
        YamlFields map = file.fields(value, "'" + key + "'");
        if (map == null) return null;
        Map<String, String> texts = new LinkedHashMap<>();
        map.entries.forEach((name, tuple) -> {
            Node item = tuple.getValueNode();
            if (item instanceof ScalarNode scalar) {
                texts.put(name, YamlFile.isNull(item) ? "" : scalar.getValue());
            } else {
                file.problem(item, "'" + key + "' maps names to text; '" + name + "' is " + YamlFile.describe(item));
            }
        });
        return texts;
    }

    /** Every key written, in order, with its key and value nodes. */
    Map<String, NodeTuple> tuples() {
        return entries;
    }
}
