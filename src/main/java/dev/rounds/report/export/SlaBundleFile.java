package dev.rounds.report.export;

import dev.rounds.audit.export.BundleFile;
import dev.rounds.core.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;

/** {@code sla.csv} in the auditor's bundle: each target's SLA figures over the range, as the CSV export has them. */
@ApplicationScoped
public class SlaBundleFile implements BundleFile {

    @Inject
    ReportExports exports;

    @Override
    public String name() {
        return "sla.csv";
    }

    @Override
    public void write(Interval range, OutputStream out) {
        exports.slaCsv(range, out);
    }
}
