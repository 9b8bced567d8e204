package dev.rounds.report.export;

import dev.rounds.audit.export.BundleFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The report's files in the auditor's bundle, each as its CSV export has it. */
@ApplicationScoped
public class ReportBundleFiles {

    @Inject
    ReportExports exports;

    /** {@code compliance.csv}: every occurrence due in the range. */
    @Produces
    BundleFile compliance() {
        return BundleFile.of("compliance.csv", exports::complianceCsv);
    }

    /** {@code sla.csv}: each target's SLA figures over the range. */
    @Produces
    BundleFile sla() {
        return BundleFile.of("sla.csv", exports::slaCsv);
    }
}
