package dev.rounds.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Rounds behind a proxy that ends TLS: plain HTTP in, cookies marked Secure anyway. */
public class SecureCookiesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rounds.security.secure-cookies", "true");
    }
}
