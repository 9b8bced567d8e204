package dev.rounds.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rounds.core.Sha256;
import dev.rounds.text.SuppliedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * An entry's detail as it is hashed and stored: canonical JSON, well-formed UTF-16, at most {@link #MAX_BYTES}.
 *
 * <p>A detail is never refused, because the audit log must not lose an event. A lone surrogate, which Java's UTF-8
 * encoder would hash as {@code ?} and a reader could not send, becomes U+FFFD before hashing. A detail whose
 * canonical JSON is longer than {@link #MAX_BYTES} UTF-8 bytes keeps its shape, but its longest strings are cut to
 * one common length and end with {@code …[cut N characters]}; the entry then says so in {@code detail_cut}: the
 * uncut detail's size and SHA-256, so whoever kept the original can prove it is the one recorded. Features bound
 * what they quote at the source (a line of a file, the start of a body); this cap is the backstop.
 */
public final class AuditDetail {

    /** The most UTF-8 bytes of canonical JSON an entry's detail is stored with: 64 KiB. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The field a cut detail gains. */
    public static final String CUT = "detail_cut";

    /** Room kept for {@link #CUT} and the marks when strings are cut. */
    private static final int HEADROOM = 256;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditDetail() {}

    /** The detail in the form it is hashed and stored in. */
    public static String canonical(Map<String, Object> detail) {
        return bounded(CanonicalJson.of(detail));
    }

    /** A canonical JSON text made well-formed and cut to {@link #MAX_BYTES}; the same instance when nothing changes. */
    static String bounded(String canonical) {
        String text = canonical;
        if (SuppliedText.firstLoneSurrogate(text) >= 0) {
            // Replacing may reorder keys (canonical order is by UTF-16 units), so canonicalise again.
            text = recanonical(SuppliedText.wellFormed(text));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        JsonNode tree = parse(text);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an audit detail is a JSON object, got " + tree.getNodeType());
        }
        int longest = longestString(object);
        int low = 0;
        int high = longest;
        // The longest length strings may keep such that the detail fits; -1 when even empty strings do not.
        int best = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (size(cutStrings(object, mid)) <= MAX_BYTES - HEADROOM) {
                best = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        // With too many fields to fit however short their strings, only the facts of the cut are kept.
        ObjectNode cut = best >= 0 ? (ObjectNode) cutStrings(object, best) : MAPPER.createObjectNode();
        ObjectNode facts = cut.putObject(CUT);
        facts.put("bytes", bytes.length);
        facts.put("sha256", Sha256.hex(bytes));
        facts.put("max_bytes", MAX_BYTES);
        return recanonical(cut.toString());
    }

    private static JsonNode cutStrings(JsonNode node, int maxChars) {
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.length() <= maxChars) {
                return node;
            }
            int end = maxChars;
            if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            return TextNode.valueOf(
                    s.substring(0, end) + SuppliedText.ELLIPSIS + "[cut " + (s.length() - end) + " characters]");
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), cutStrings(field.getValue(), maxChars));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MAPPER.createArrayNode();
            array.forEach(element -> copy.add(cutStrings(element, maxChars)));
            return copy;
        }
        return node;
    }

    private static int longestString(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().length();
        }
        int longest = 0;
        for (JsonNode child : node) {
            longest = Math.max(longest, longestString(child));
        }
        return longest;
    }

    private static int size(JsonNode node) {
        return recanonical(node.toString()).getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit detail is not JSON: " + e.getMessage(), e);
        }
    }

    private static String recanonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot canonicalise an audit detail: " + e.getMessage(), e);
        }
    }
}
