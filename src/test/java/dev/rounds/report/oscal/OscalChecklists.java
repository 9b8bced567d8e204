package dev.rounds.report.oscal;

import java.util.Map;

/**
 * A small framework catalog and a daily checklist in UTC whose activities implement its controls: one signed off
 * with evidence, one signed off without, one waived, one judged by a probe that never passes; {@code CM-3} is
 * implemented by nothing (a gap).
 */
final class OscalChecklists {

    static final String CHECKLIST = "oscal-daily";
    static final String FRAMEWORK = "oscal-fw";

    static final Map<String, String> FILES =
            Map.of("inventory.yaml", """
            targets:
              - id: oscal-db
                address: 127.0.0.1:1
            """, "frameworks/" + FRAMEWORK + ".yaml", """
            id: %s
            title: OSCAL test catalog
            source: "Rounds' tests, with NIST SP 800-53 Rev. 5 ids and titles"
            controls:
              - {id: CP-9, title: "System Backup", family: "Contingency Planning"}
              - {id: CP-10, title: "System Recovery and Reconstitution", family: "Contingency Planning"}
              - {id: SI-2, title: "Flaw Remediation", family: "System and Information Integrity"}
              - {id: SI-4, title: "System Monitoring", family: "System and Information Integrity"}
              - {id: CM-3, title: "Configuration Change Control", family: "Configuration Management"}
            """.formatted(FRAMEWORK));

    /**
     * Written once the clock is at the test's days, so that it comes in force then: in force from
     * {@link dev.rounds.TestClock#START}, the days up to the test's would open occurrences on days other classes use.
     */
    static final String DAILY_FILE = "daily.yaml";

    static final String DAILY = """
            id: %s
            title: Daily (OSCAL)
            cadence: daily
            due: 10h
            timezone: UTC
            activities:
              - id: backups
                title: Check last night's backup
                signoff: always
                controls: [%2$s:CP-9]
              - id: tapes
                title: Change the backup tape
                signoff: always
                controls: [%2$s:CP-10]
              - id: patching
                title: Check the patch level
                signoff: always
                controls: [%2$s:SI-2]
              - id: alerts
                title: The alerting endpoint answers
                signoff: none
                controls: [%2$s:SI-4, %2$s:CP-9]
                probes:
                  - type: tcp
                    target: oscal-db
            """.formatted(CHECKLIST, FRAMEWORK);

    private OscalChecklists() {}
}
