package dev.rounds.report.controls;

import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.schedule.OccurrenceStatus;
import java.util.List;

/**
 * One activity's evidence in the period.
 *
 * @param figures over its occurrences that came due in the period (scope {@code activity:<checklist>/<activity>})
 * @param occurrences those counted in {@code figures}, by due time
 * @param signOffs of those occurrences, superseded ones included, by time then id
 * @param waivers approved for the activity and in force at some time in the period, or that excused one of its
 *     occurrences, by id
 * @param incidents of its probes that overlap the period, by start
 * @param audit the audit entries about its counted occurrences and its waivers, or {@code null} if none
 */
public record ActivityEvidence(
        String checklistId,
        String activityId,
        String title,
        ComplianceFigures figures,
        List<OccurrenceEvidence> occurrences,
        List<SignOffEvidence> signOffs,
        List<WaiverEvidence> waivers,
        List<IncidentEvidence> incidents,
        AuditRange audit) {

    public ActivityEvidence {
        occurrences = List.copyOf(occurrences);
        signOffs = List.copyOf(signOffs);
        waivers = List.copyOf(waivers);
        incidents = List.copyOf(incidents);
    }

    /** {@code checklist/activity}. */
    public String key() {
        return checklistId + "/" + activityId;
    }

    /** {@code checklist-activity}, for a page's fragment links. */
    public String anchor() {
        return checklistId + "-" + activityId;
    }

    /** The occurrences not done on time, which a reader of the evidence looks at first. */
    public List<OccurrenceEvidence> exceptions() {
        return occurrences.stream()
                .filter(o -> o.status() != OccurrenceStatus.DONE && o.status() != OccurrenceStatus.PASSED)
                .toList();
    }
}
