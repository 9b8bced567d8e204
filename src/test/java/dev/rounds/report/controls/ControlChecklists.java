package dev.rounds.report.controls;

import java.util.Map;

/**
 * A daily checklist in UTC, due at noon, whose two activities implement controls of two small catalogs: a manual
 * backup review (NIST CP-9, ISO A.8.13) and a paused monitoring probe whose results the test writes itself (SI-4,
 * A.8.16); the checklist adds AU-6 to both. CP-4, SI-2 and A.8.8 are implemented by nothing: the gaps.
 */
final class ControlChecklists {

    static final String CHECKLIST = "ce-daily";
    static final String REVIEW = "backup-review";
    static final String WATCH = "watch";
    static final String TARGET = "ce-web";
    static final String NIST = "nist-800-53r5";
    static final String ISO = "iso27001-2022";

    static final Map<String, String> FILES = Map.of(
            "inventory.yaml",
            """
                    targets:
                      - id: %s
                        address: 127.0.0.1:1
                    """.formatted(TARGET),
            "daily.yaml",
            """
                    id: %s
                    title: Control evidence
                    cadence: daily
                    due: 12h
                    timezone: UTC
                    owner: ce-team
                    controls: [%s:AU-6]
                    activities:
                      - id: %s
                        title: Review the night's backups
                        signoff: always
                        controls: [%s:CP-9, "%s:A.8.13"]
                      - id: %s
                        title: Web answers
                        enabled: false
                        reason: the test writes this probe's results itself
                        controls: [%s:SI-4, "%s:A.8.16"]
                        probes:
                          - type: tcp
                            target: %s
                            port: 1
                            every: 1h
                            confirm: 2
                    """.formatted(CHECKLIST, NIST, REVIEW, NIST, ISO, WATCH, NIST, ISO, TARGET),
            "frameworks/nist-800-53r5.yaml",
            """
                    id: nist-800-53r5
                    title: NIST SP 800-53 Rev. 5
                    source: test catalog
                    controls:
                      - { id: AU-6, title: Audit Record Review, family: Audit and Accountability }
                      - { id: CP-4, title: Contingency Plan Testing, family: Contingency Planning }
                      - { id: CP-9, title: System Backup, family: Contingency Planning }
                      - { id: SI-2, title: Flaw Remediation, family: System and Information Integrity }
                      - { id: SI-4, title: System Monitoring, family: System and Information Integrity }
                    """,
            "frameworks/iso27001-2022.yaml",
            """
                    id: iso27001-2022
                    title: ISO/IEC 27001:2022 Annex A
                    source: test catalog
                    controls:
                      - { id: A.8.8 }
                      - { id: A.8.13, title: Back up information }
                      - { id: A.8.16 }
                    """);

    private ControlChecklists() {}
}
