package dev.rounds.report.controls;

import dev.rounds.audit.export.BundleFile;
import dev.rounds.report.export.Csv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@code controls.csv} in the auditor's bundle: the per-control evidence of the bundle's range, every framework. */
@ApplicationScoped
public class ControlBundleFile {

    @Inject
    ControlEvidenceService controls;

    @Inject
    Clock clock;

    @Produces
    BundleFile controls() {
        return BundleFile.of(
                "controls.csv",
                (range, out) -> Csv.write(
                        out,
                        ControlRow.HEADER,
                        ControlRow.of(controls.report(range, null, clock.instant())),
                        ControlRow::fields));
    }
}
