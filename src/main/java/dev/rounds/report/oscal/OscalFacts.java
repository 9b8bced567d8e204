package dev.rounds.report.oscal;

import dev.rounds.audit.export.ChainAtEnd;
import dev.rounds.checklist.Framework;
import dev.rounds.report.controls.ControlReport;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one assessment results document says, gathered before it is written, so that writing it is a function
 * of these facts alone.
 *
 * @param frameworks the catalogs whose control sets were reviewed
 * @param methods per activity ({@code checklist/activity}): {@code TEST} where probes judge it, {@code EXAMINE}
 *     where a person signs it off
 * @param evidenceIds per evidence file SHA-256, the id under which {@code /api/evidence/{id}} serves it
 * @param checklistsSha256 the SHA-256 of the checklist set whose mapping of activities to controls is used
 */
record OscalFacts(
        ControlReport report,
        List<Framework> frameworks,
        ChainAtEnd.Facts chain,
        Map<String, Set<String>> methods,
        Map<String, Long> evidenceIds,
        String checklistsSha256) {}
