package dev.rounds.probe;

import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/**
 * Runs the probe feature's Quarkus tests with a clock that tests move and an audit log that records, until the
 * schedule and audit features provide the real ones (and afterwards too, so tests stay in control of time).
 */
public class ProbeTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class, RecordingAuditLog.class);
    }
}
