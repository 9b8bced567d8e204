package dev.rounds.heartbeat;

import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The default pack with a clock the heartbeat tests move, on a free port. */
public class HeartbeatTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
