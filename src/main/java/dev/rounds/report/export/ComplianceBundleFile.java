package dev.rounds.report.export;

import dev.rounds.audit.export.BundleFile;
import dev.rounds.core.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;

/** {@code compliance.csv} in the auditor's bundle: every occurrence due in the range, as the CSV export has it. */
@ApplicationScoped
public class ComplianceBundleFile implements BundleFile {

    @Inject
    ReportExports exports;

    @Override
    public String name() {
        return "compliance.csv";
    }

    @Override
    public void write(Interval range, OutputStream out) {
        exports.complianceCsv(range, out);
    }
}
