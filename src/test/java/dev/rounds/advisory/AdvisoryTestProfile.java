package dev.rounds.advisory;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An inventory whose software the fixtures name, a checklist without probes (the tests run the feed probe
 * themselves), no proxy, and a random port.
 */
public class AdvisoryTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-advisories-");
            Files.writeString(dir.resolve("inventory.yaml"), """
                    targets:
                      - id: sql01
                        address: sql01.example.internal
                        software: [SQL Server 2008, Hyper-V]
                      - id: web01
                        address: web01.example.internal
                        software: [OpenSSL, Docker Engine, Bitbucket, SiYuan]
                    """);
            Files.writeString(dir.resolve("daily.yaml"), """
                    id: daily
                    title: Daily
                    cadence: daily
                    due: 10h
                    activities:
                      - id: security-news
                        title: Check security news for new threats
                        signoff: always
                    """);
            return Map.of("rounds.checklists.dir", dir.toString(),
                    "rounds.advisory.proxy", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
