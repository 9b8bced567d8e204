package dev.rounds.report.controls;

import dev.rounds.checklist.Framework;
import dev.rounds.report.ReportPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The control report as its page and PDF show it: per framework a table of its controls, then their evidence.
 *
 * @param frameworks every framework of the checklists, for the filter's links
 * @param sections the frameworks shown, in id order, each with its controls and gaps
 */
public record ControlReportView(
        ReportPeriod period,
        ControlReport report,
        List<Framework> frameworks,
        List<Section> sections,
        Instant now,
        boolean ended) {

    /** One framework's part of the report. */
    public record Section(Framework framework, List<ControlEvidence> controls, List<ControlGap> gaps) {

        public boolean isEmpty() {
            return controls.isEmpty() && gaps.isEmpty();
        }
    }

    static ControlReportView of(
            ReportPeriod period, ControlReport report, List<Framework> frameworks, Instant now, boolean ended) {
        List<Section> sections = frameworks.stream()
                .filter(f -> report.framework() == null || f.id().equals(report.framework()))
                .map(f -> new Section(
                        f,
                        report.controls().stream()
                                .filter(c -> c.framework().equals(f.id()))
                                .toList(),
                        report.gaps().stream()
                                .filter(g -> g.framework().equals(f.id()))
                                .toList()))
                .toList();
        return new ControlReportView(period, report, frameworks, sections, now, ended);
    }

    /** Every activity of the controls shown, once, by checklist and activity id. */
    public List<ActivityEvidence> activities() {
        Map<String, ActivityEvidence> byKey = new TreeMap<>();
        sections.forEach(s -> s.controls().forEach(c -> c.activities().forEach(a -> byKey.putIfAbsent(a.key(), a))));
        return List.copyOf(byKey.values());
    }

    /** The query that shows this report again, for links to its other forms. */
    public String query() {
        return "from=" + period.first() + "&to=" + period.last()
                + (report.framework() == null ? "" : "&framework=" + report.framework());
    }

    /** The rule by which controls are judged. */
    public String rule() {
        return Judgement.RULE;
    }
}
