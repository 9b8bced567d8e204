package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.SharedChecklistsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The application hands probes the process environment, so that auth_env settings find their secrets. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class EnvironmentFacilityTest {

    @Inject
    @Any
    Instance<ProbeFacility> facilities;

    @Test
    void probesGetTheProcessEnvironmentAsAFacility() {
        // The facilities list the runner builds: an unused-bean sweep must not drop the environment.
        ProbeContext context =
                new ProbeContext(null, null, 0, facilities.stream().toList());

        assertEquals(
                Optional.ofNullable(System.getenv("PATH")),
                context.facility(Environment.class).variable("PATH"));
    }
}
