package dev.rounds.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.controls.AuditRange;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The small vocabulary every part of the document is written in: objects in key order, props, times and text. */
final class OscalJson {

    /**
     * The namespace of the props OSCAL does not define: a URN of Rounds' own namespace UUID, so it needs no domain
     * and cannot collide with anyone else's.
     */
    static final String NS = "urn:uuid:" + NameUuid.ROUNDS;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OscalJson() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * An OSCAL date-time: UTC, whole seconds. Later 1.0.x schemas mistype the fraction in their date-time pattern,
     * so none is written; the audit log keeps the exact times.
     */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Text on one line without surrounding space, as OSCAL's string values want it; empty stays empty. */
    static String line(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** Adds a Rounds prop to {@code props}, unless its value is empty (OSCAL refuses empty values). */
    static void prop(ArrayNode props, String name, Object value) {
        String text = value == null ? "" : line(value.toString());
        if (text.isEmpty()) return;
        props.addObject().put("name", name).put("ns", NS).put("value", text);
    }

    /** The figures as props: due, on-time, late, missed, waived and compliance (on time / (due − waived)). */
    static void figures(ArrayNode props, ComplianceFigures figures) {
        prop(props, "due", figures.due());
        prop(props, "on-time", figures.onTime());
        prop(props, "late", figures.late());
        prop(props, "missed", figures.missed());
        prop(props, "waived", figures.waived());
        prop(
                props,
                "compliance",
                figures.compliance() == null ? null : figures.compliance().toPlainString());
    }

    /** The audit entries some figures come from, as props. */
    static void audit(ArrayNode props, AuditRange audit) {
        if (audit == null) return;
        prop(props, "audit-first-seq", audit.firstSeq());
        prop(props, "audit-last-seq", audit.lastSeq());
    }

    /** The figures in words, e.g. {@code 3 came due: 2 on time, 1 late, 0 missed, 0 waived; compliance 66.67%}. */
    static String sentence(ComplianceFigures figures) {
        String counts = figures.due() + " came due: " + figures.onTime() + " on time, " + figures.late() + " late, "
                + figures.missed() + " missed, " + figures.waived() + " waived";
        if (figures.compliance() == null) return counts + "; no compliance figure, as nothing counted came due";
        return counts + "; compliance (on time / (due - waived)) "
                + figures.compliance().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Sets {@code key} to {@code array} unless it is empty: OSCAL arrays hold at least one item. */
    static void putIfAny(ObjectNode node, String key, ArrayNode array) {
        if (!array.isEmpty()) node.set(key, array);
    }
}
