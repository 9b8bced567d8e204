package dev.rounds.report.controls;

import java.time.Instant;
import java.util.List;

/**
 * A person's sign-off of one occurrence.
 *
 * @param occurrence the occurrence's subject, {@code checklist/activity@period}
 * @param files the evidence attached, none or one today
 */
public record SignOffEvidence(String occurrence, String by, Instant at, String note, List<EvidenceFile> files) {

    public SignOffEvidence {
        files = List.copyOf(files);
    }
}
