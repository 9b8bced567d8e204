package dev.rounds.report.review;

import java.util.Map;

/**
 * A weekly and a monthly checklist in UTC under the test clock. The probe activities are paused, so nothing runs
 * them: the tests write their results, hour by hour, through the real result writer and fold them into rollups.
 * One backup probe does run, when its occurrence opens, and fails: there is no such file.
 */
final class ReviewChecklists {

    static final String TARGET = "rv-web";
    static final String WEEKLY = "rv-weekly";
    static final String MONTHLY = "rv-monthly";

    static final Map<String, String> FILES = Map.of(
            "inventory.yaml", """
                    targets:
                      - id: %s
                        address: 127.0.0.1:1
                        sla: 99.5%%
                    """.formatted(TARGET),
            "weekly.yaml", """
                    id: %s
                    title: Weekly reviews
                    cadence: weekly
                    due: 4d17h
                    timezone: UTC
                    owner: review-team
                    activities:
                      - id: uptime
                        title: Web answers
                        enabled: false
                        reason: the test writes this probe's results itself
                        probes:
                          - type: tcp
                            target: %s
                            port: 1
                            every: 1h
                            confirm: 2
                      - id: tickets
                        title: Ticket queue
                        enabled: false
                        reason: the test writes this probe's results itself
                        probes:
                          - type: backlog
                            target: %s
                            url: http://127.0.0.1:1/queue
                            items: $.items[*]
                            every: 1d
                      - id: operations-review
                        title: Hold the weekly operations management review
                        signoff: always
                      - id: backup-check
                        title: Verify the week's database backup
                        probes:
                          - type: backup
                            target: %s
                            kind: files
                            path: /nonexistent-rounds-review-test/db-*.sql.gz
                    """.formatted(WEEKLY, TARGET, TARGET, TARGET),
            "monthly.yaml", """
                    id: %s
                    title: Monthly reviews
                    cadence: monthly
                    due: 20d
                    timezone: UTC
                    owner: review-team
                    activities:
                      - id: capacity
                        title: Plan capacity
                        enabled: false
                        reason: the test writes this probe's results itself
                        probes:
                          - type: metrics
                            target: %s
                            preset: node
                            every: 1d
                      - id: admin-documentation
                        title: Review the administrators' documentation
                        signoff: always
                    """.formatted(MONTHLY, TARGET));

    private ReviewChecklists() {}
}
