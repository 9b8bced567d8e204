package dev.rounds.report.rollup;

import java.util.Map;

/**
 * A checklist with a continuous probe that needs three downs (#0) and a once-per-occurrence probe (#1); tests write
 * results for these probes against targets of their own and call catchUp.
 */
final class RollupChecklists {

    static final Map<String, String> FILES = Map.of("inventory.yaml", """
            targets:
              - id: rollup-web
                address: 127.0.0.1:1
            """, "rollup.yaml", """
            id: rollup
            title: Rollup
            cadence: daily
            due: 10h
            activities:
              - id: web
                title: Web answers
                probes:
                  - type: tcp
                    target: rollup-web
                    port: 1
                    every: 1m
                    confirm: 3
                    expect: [connected == true]
                  - type: tcp
                    target: rollup-web
                    port: 1
                    expect: [connected == true]
            """);

    private RollupChecklists() {}
}
