package dev.rounds.waiver;

import java.util.Map;

/**
 * A daily checklist of manual activities in London under the test clock; the schedule's own tick is off, so the test
 * moves time and ticks. Its id is the test's own, since the database outlives a test class.
 */
final class WaiverChecklists {

    static final String CHECKLIST = "waiver-daily";

    static final Map<String, String> FILES = Map.of("inventory.yaml", """
            targets:
              - id: db01
                address: 127.0.0.1:1
            """, "daily.yaml", """
            id: %s
            title: Daily
            cadence: daily
            due: 10h
            timezone: Europe/London
            activities:
              - id: review
                title: Review the overnight alerts
                signoff: always
              - id: tapes
                title: Change the backup tape
                signoff: always
              - id: patching
                title: Check the patch level
                signoff: always
            """.formatted(CHECKLIST));

    private WaiverChecklists() {}
}
