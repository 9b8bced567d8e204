package dev.rounds.report.controls;

import dev.rounds.report.compliance.ComplianceFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of {@code controls.csv}: a control and one activity that implements it, with the activity's figures and
 * evidence, beside the control's own figures and judgement; a gap is one line without an activity, judged
 * {@code no-activity}. Several evidence hashes or waivers share one field, separated by spaces or {@code "; "}.
 */
record ControlRow(ControlEvidence control, ActivityEvidence activity, ControlGap gap) {

    static final String[] HEADER = {
        "framework",
        "control",
        "control_title",
        "judgement",
        "control_due",
        "control_compliance",
        "checklist",
        "activity",
        "activity_title",
        "due",
        "on_time",
        "late",
        "missed",
        "waived",
        "compliance",
        "sign_offs",
        "evidence_sha256",
        "waivers",
        "incidents",
        "audit_first_seq",
        "audit_last_seq"
    };

    static List<ControlRow> of(ControlReport report) {
        var rows = new ArrayList<ControlRow>();
        for (ControlEvidence control : report.controls()) {
            for (ActivityEvidence activity : control.activities()) rows.add(new ControlRow(control, activity, null));
        }
        for (ControlGap gap : report.gaps()) rows.add(new ControlRow(null, null, gap));
        return rows;
    }

    Object[] fields() {
        if (gap != null) {
            return new Object[] {
                gap.framework(),
                gap.control().id(),
                gap.control().title(),
                "no-activity",
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null
            };
        }
        ComplianceFigures own = activity.figures();
        AuditRange audit = activity.audit();
        return new Object[] {
            control.framework(),
            control.control().id(),
            control.control().title(),
            control.judgement().label(),
            control.figures().due(),
            plain(control.figures().compliance()),
            activity.checklistId(),
            activity.activityId(),
            activity.title(),
            own.due(),
            own.onTime(),
            own.late(),
            own.missed(),
            own.waived(),
            plain(own.compliance()),
            activity.signOffs().size(),
            activity.signOffs().stream()
                    .flatMap(s -> s.files().stream())
                    .map(EvidenceFile::sha256)
                    .collect(Collectors.joining(" ")),
            activity.waivers().stream()
                    .map(w -> "#" + w.id() + " requested by " + w.requestedBy() + ", approved by " + w.decidedBy()
                            + ": " + w.reason())
                    .collect(Collectors.joining("; ")),
            activity.incidents().size(),
            audit == null ? null : audit.firstSeq(),
            audit == null ? null : audit.lastSeq()
        };
    }

    private static String plain(BigDecimal share) {
        return share == null ? null : share.toPlainString();
    }
}
