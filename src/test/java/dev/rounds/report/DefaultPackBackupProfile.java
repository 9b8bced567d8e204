package dev.rounds.report;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application as shipped, backup folder included: data/backups, where the default pack looks. */
public class DefaultPackBackupProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rounds.backup.dir", "data/backups");
    }
}
