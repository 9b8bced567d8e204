package dev.rounds.report.oscal;

import static dev.rounds.report.oscal.OscalJson.line;
import static dev.rounds.report.oscal.OscalJson.prop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.controls.ActivityEvidence;
import dev.rounds.report.controls.ControlEvidence;
import dev.rounds.report.controls.Judgement;

/**
 * One finding per reported control, its target the control's statement ({@code <control-id>_smt}, as NIST's catalogs
 * name it), its status by Rounds' stated rule ({@link Judgement#RULE}). OSCAL has only {@code satisfied} and
 * {@code not-satisfied}; where Rounds knows more, the finding says it in props and remarks and picks the status that
 * does not overstate: a control with nothing due ({@code not-due}), or whose every due occurrence was waived
 * ({@code waived}), did not show that it operated, so it is {@code not-satisfied} with the reason in the remarks.
 */
final class Findings {

    private final Uuids uuids;
    private final Observations observations;

    Findings(Uuids uuids, Observations observations) {
        this.uuids = uuids;
        this.observations = observations;
    }

    ArrayNode findings(Iterable<ControlEvidence> controls) {
        ArrayNode list = OscalJson.array();
        for (ControlEvidence control : controls) list.add(finding(control));
        return list;
    }

    private ObjectNode finding(ControlEvidence control) {
        ComplianceFigures figures = control.figures();
        String state = state(control.judgement());
        ObjectNode node = OscalJson.object();
        node.put("uuid", uuids.of("finding", control.ref()));
        node.put("title", control.control().id() + title(control) + " (" + control.framework() + ")");
        node.put(
                "description",
                "Whether " + control.ref() + " operated in the period, judged from the occurrences of the "
                        + count(control.activities().size(), "activity", "activities") + " that implement it: "
                        + OscalJson.sentence(figures) + ". " + Judgement.RULE);
        ArrayNode props = OscalJson.array();
        prop(props, "framework", control.framework());
        prop(props, "control", control.control().id());
        prop(props, "judgement", control.judgement().label());
        OscalJson.figures(props, figures);
        OscalJson.audit(props, control.audit());
        node.set("props", props);
        ObjectNode target = node.putObject("target");
        target.put("type", "statement-id");
        target.put("target-id", control.control().oscalId() + "_smt");
        target.put("description", "The statement of " + control.ref() + title(control) + ".");
        ObjectNode status = target.putObject("status");
        status.put("state", state);
        status.put("remarks", remarks(control.judgement(), figures));
        ArrayNode related = OscalJson.array();
        for (ActivityEvidence activity : control.activities()) {
            related.addObject().put("observation-uuid", observations.uuidOf(activity.key()));
        }
        OscalJson.putIfAny(node, "related-observations", related);
        return node;
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String title(ControlEvidence control) {
        String title = line(control.control().title());
        return title.isEmpty() ? "" : " " + title;
    }

    /** OSCAL's status for Rounds' judgement: only a satisfied control is {@code satisfied}. */
    static String state(Judgement judgement) {
        return judgement == Judgement.SATISFIED ? "satisfied" : "not-satisfied";
    }

    private static String remarks(Judgement judgement, ComplianceFigures figures) {
        return switch (judgement) {
            case NOT_DUE ->
                "Nothing came due in the period, so Rounds has no evidence either way; not-satisfied"
                        + " says only that it cannot show the control operated.";
            case NOT_SATISFIED ->
                "Not satisfied: " + (figures.late() + figures.missed()) + " of " + figures.due()
                        + " occurrences were late or missed (" + OscalJson.sentence(figures) + ").";
            case WAIVED ->
                "Every occurrence that came due was waived, so none was done: excused, but not shown to operate;"
                        + " not-satisfied, so as not to claim the control operated (" + OscalJson.sentence(figures)
                        + "). The waivers are in the observations.";
            case SATISFIED ->
                "Satisfied: at least one occurrence was done on time and none was late or missed ("
                        + OscalJson.sentence(figures) + ").";
        };
    }
}
