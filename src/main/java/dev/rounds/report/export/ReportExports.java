package dev.rounds.report.export;

import dev.rounds.core.Interval;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.ReportZone;
import dev.rounds.core.RoundsException;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.compliance.ComplianceCalculator;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.compliance.ComplianceService;
import dev.rounds.report.compliance.OccurrenceFact;
import dev.rounds.report.sla.SlaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The compliance history and SLA figures of a range of days, as rows for CSV and JSON. */
@ApplicationScoped
public class ReportExports {

    /** Compliance of a range: the figures overall, per checklist and per owner, and every occurrence. */
    public record ComplianceExport(
            Instant from, Instant to, String zone, List<ComplianceFigures> figures, List<ComplianceRow> occurrences) {}

    @Inject
    ComplianceService compliance;

    @Inject
    SlaService sla;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    /** A range of whole days from the query parameters, or a 400 problem saying which is wrong. */
    public ReportPeriod period(String from, String to) {
        try {
            return ReportPeriod.range(from, to, zone.get());
        } catch (IllegalArgumentException e) {
            throw new RoundsException(400, ProblemTitle.INVALID_QUERY_PARAMETER, e.getMessage());
        }
    }

    public ComplianceExport compliance(Interval range) {
        List<OccurrenceFact> facts = compliance.facts(range);
        return new ComplianceExport(
                range.from(),
                range.to(),
                zone.get().getId(),
                ComplianceCalculator.figures(facts, range, clock.instant()),
                rows(facts));
    }

    public List<SlaRow> sla(Interval range) {
        return sla.all(range).stream().map(SlaRow::of).toList();
    }

    public void complianceCsv(Interval range, OutputStream out) {
        Csv.write(out, ComplianceRow.HEADER, rows(compliance.facts(range)), ComplianceRow::fields);
    }

    private static List<ComplianceRow> rows(List<OccurrenceFact> facts) {
        return facts.stream().map(ComplianceRow::of).toList();
    }

    public void slaCsv(Interval range, OutputStream out) {
        Csv.write(out, SlaRow.HEADER, sla(range), SlaRow::fields);
    }
}
