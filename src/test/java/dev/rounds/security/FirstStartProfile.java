package dev.rounds.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A first start as an operator sees it: an empty database of its own and no configured admin password, so Rounds
 * generates one and says it in the log, which this profile also writes to {@link #LOG}.
 */
public class FirstStartProfile implements QuarkusTestProfile {

    static final String LOG = "target/first-start.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:h2:mem:rounds-first-start;DB_CLOSE_DELAY=-1",
                "rounds.security.initial-admin-password",
                "",
                "quarkus.log.file.enabled",
                "true",
                "quarkus.log.file.path",
                LOG);
    }
}
