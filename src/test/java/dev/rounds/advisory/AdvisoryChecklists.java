package dev.rounds.advisory;

import java.util.Map;

/**
 * An inventory whose software the fixtures name, and a checklist without probes: the tests run the feed probe
 * themselves.
 */
final class AdvisoryChecklists {

    static final Map<String, String> FILES = Map.of("inventory.yaml", """
            targets:
              - id: sql01
                address: sql01.example.internal
                software: [SQL Server 2008, Hyper-V]
              - id: web01
                address: web01.example.internal
                software: [OpenSSL, Docker Engine, Bitbucket, SiYuan]
            """, "daily.yaml", """
            id: daily
            title: Daily
            cadence: daily
            due: 10h
            activities:
              - id: security-news
                title: Check security news for new threats
                signoff: always
            """);

    private AdvisoryChecklists() {}
}
