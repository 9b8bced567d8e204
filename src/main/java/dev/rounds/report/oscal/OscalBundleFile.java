package dev.rounds.report.oscal;

import dev.rounds.audit.export.BundleFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * {@code oscal.json} in the auditor's bundle: the assessment results of the bundle's range over every framework. It
 * names the SHA-256 of the bundle's {@code audit.jsonl}; the manifest names its own in turn.
 */
@ApplicationScoped
public class OscalBundleFile {

    public static final String NAME = "oscal.json";

    @Inject
    OscalExport export;

    @Produces
    BundleFile oscal() {
        return BundleFile.of(NAME, (range, out) -> export.write(range, null, out));
    }
}
