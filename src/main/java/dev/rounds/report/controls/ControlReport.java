package dev.rounds.report.controls;

import dev.rounds.core.Interval;
import java.util.List;

/**
 * The per-control evidence of a period: each control an activity implements, with what its activities did, and the
 * gaps, the controls nothing implements. The mapping is the checklists' current one.
 *
 * @param framework the framework the report is limited to, or {@code null} for every framework
 * @param controls by framework id, then in the catalog's order
 * @param gaps the controls of the framework (or of every framework) that no activity implements, in the same order
 * @param audit the audit entries about every occurrence and waiver in the report, or {@code null} if there are none
 */
public record ControlReport(
        Interval period, String framework, List<ControlEvidence> controls, List<ControlGap> gaps, AuditRange audit) {

    public ControlReport {
        controls = List.copyOf(controls);
        gaps = List.copyOf(gaps);
    }
}
