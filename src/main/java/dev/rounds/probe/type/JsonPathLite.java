package dev.rounds.probe.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of JSONPath that checks need: {@code $.a.b}, {@code $.a[0].b}, {@code $['a-b']}. It walks one path to
 * one value; wildcards and filters are left out on purpose, so that a condition always compares one value.
 */
final class JsonPathLite {

    private JsonPathLite() {
    }

    /**
     * The value at the path as a Java value (String, Long, Double, Boolean, List, Map), or {@code null} where the
     * document has nothing there.
     *
     * @throws IllegalArgumentException if the path is not of the supported form
     */
    static Object read(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : steps(path)) {
            if (node == null) return null;
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node == null ? null : toJava(node);
    }

    /** The path's steps: names as strings, array positions as integers. */
    static List<Object> steps(String path) {
        String text = path == null ? "" : path.trim();
        if (!text.startsWith("$")) throw badPath(path);
        var steps = new ArrayList<Object>();
        int at = 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                int end = at + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') end++;
                if (end == at + 1) throw badPath(path);
                steps.add(text.substring(at + 1, end));
                at = end;
            } else if (c == '[') {
                int close = text.indexOf(']', at);
                if (close < 0) throw badPath(path);
                String inside = text.substring(at + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else if (inside.matches("\\d+")) {
                    steps.add(Integer.valueOf(inside));
                } else {
                    throw badPath(path);
                }
                at = close + 1;
            } else {
                throw badPath(path);
            }
        }
        return steps;
    }

    private static IllegalArgumentException badPath(String path) {
        return new IllegalArgumentException(
                "a JSON path must look like $.a.b, $.a[0].b or $['a-b'], got '" + path + "'");
    }

    private static Object toJava(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) return null;
        if (node.isTextual()) return node.textValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
        if (node.isNumber()) return node.doubleValue();
        if (node.isArray()) {
            var items = new ArrayList<Object>();
            node.forEach(item -> items.add(toJava(item)));
            return items;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), toJava(field.getValue())));
        return fields;
    }
}
