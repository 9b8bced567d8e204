package dev.rounds.report.controls;

import dev.rounds.checklist.Control;
import dev.rounds.report.compliance.ComplianceFigures;
import java.util.List;

/**
 * One control and the evidence that it operated in the period.
 *
 * @param activities those that implement it, by checklist id then activity id
 * @param figures over every occurrence of its activities that came due in the period (scope
 *     {@code control:<framework>:<id>})
 * @param audit the audit entries about those occurrences and the waivers listed, or {@code null} if none
 */
public record ControlEvidence(
        String framework,
        Control control,
        List<ActivityEvidence> activities,
        ComplianceFigures figures,
        Judgement judgement,
        AuditRange audit) {

    public ControlEvidence {
        activities = List.copyOf(activities);
    }

    /** {@code framework:id}, as checklists write it. */
    public String ref() {
        return framework + ":" + control.id();
    }
}
