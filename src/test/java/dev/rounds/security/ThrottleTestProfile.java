package dev.rounds.security;

import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** An application of its own, so that its failed logins from 127.0.0.1 do not cool off other tests' logins. */
public class ThrottleTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rounds.security.login.max-failures-per-user",
                "3",
                "rounds.security.login.max-failures-per-address",
                "6",
                "rounds.security.login.window",
                "5m",
                "rounds.security.login.cooling-off",
                "5m");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
