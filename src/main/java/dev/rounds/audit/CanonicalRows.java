package dev.rounds.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * The RFC 8785 form of a result row written in one pass, byte for byte what {@link CanonicalJson#of} gives for the
 * same row: the writer digests every row, and {@code CanonicalJson} gets there by printing the row with Jackson and
 * parsing that text again. Values outside the shapes stored rows have (strings, numbers, booleans, null, maps and
 * lists of them) go to {@code CanonicalJson} itself.
 */
public final class CanonicalRows {

    /** Integers up to this magnitude are exact as doubles, so their canonical form is their decimal digits. */
    private static final long EXACT_LIMIT = 1L << 53;

    private CanonicalRows() {}

    public static String of(Map<String, Object> row) {
        var out = new StringBuilder(256);
        return write(row, out) ? out.toString() : CanonicalJson.of(row);
    }

    /**
     * The canonical form of {@link ResultDigest#row} with these values, its names written in their RFC 8785 order
     * without building and sorting the row's map: the writer digests every result it stores.
     */
    public static String resultRow(
            long id,
            String probe,
            Instant startedAt,
            long durationUs,
            String status,
            Map<String, Object> values,
            List<Map<String, Object>> conditions,
            String message) {
        var out = new StringBuilder(256);
        out.append("{\"conditions\":");
        boolean known = write(conditions, out);
        out.append(",\"duration_us\":");
        write(durationUs, out);
        out.append(",\"id\":");
        write(id, out);
        out.append(",\"message\":");
        write(message, out);
        out.append(",\"probe\":");
        write(probe, out);
        out.append(",\"started_at\":");
        write(startedAt == null ? null : AuditHash.timestamp(startedAt), out);
        out.append(",\"status\":");
        write(status, out);
        out.append(",\"values\":");
        known &= write(values, out);
        if (!known) return of(ResultDigest.row(id, probe, startedAt, durationUs, status, values, conditions, message));
        return out.append('}').toString();
    }

    /** Appends the value's canonical form; {@code false} if it holds something only {@code CanonicalJson} knows. */
    private static boolean write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (number >= -EXACT_LIMIT && number <= EXACT_LIMIT) {
                out.append(number);
            } else {
                number((double) number, out);
            }
        } else if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                // Jackson writes NaN and the infinities as strings.
                string(number.toString(), out);
            } else {
                number(number, out);
            }
        } else if (value instanceof Float || value instanceof BigDecimal || value instanceof BigInteger) {
            // CanonicalJson reads back the digits Jackson printed as a double; so does this.
            if (value instanceof Float number && !Float.isFinite(number)) {
                string(number.toString(), out);
            } else {
                number(Double.parseDouble(value.toString()), out);
            }
        } else if (value instanceof Map<?, ?> map) {
            return object(map, out);
        } else if (value instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(',');
                if (!write(items.get(i), out)) return false;
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    private static boolean object(Map<?, ?> map, StringBuilder out) {
        var names = new String[map.size()];
        int i = 0;
        for (Object name : map.keySet()) {
            if (!(name instanceof String text)) return false;
            names[i++] = text;
        }
        // String order is UTF-16 code unit order, the order RFC 8785 asks for.
        Arrays.sort(names);
        out.append('{');
        for (i = 0; i < names.length; i++) {
            if (i > 0) out.append(',');
            string(names[i], out);
            out.append(':');
            if (!write(map.get(names[i]), out)) return false;
        }
        out.append('}');
        return true;
    }

    private static void number(double value, StringBuilder out) {
        try {
            out.append(NumberToJSON.serializeNumber(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " canonically", e);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
