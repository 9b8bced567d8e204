package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusMainTest
@TestProfile(BrokenChecklistsProfile.class)
class StartupWithBrokenChecklistsTest {

    @Test
    @Launch(
            value = {},
            exitCode = 1)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void startUpFailsAndLogsEveryProblem(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("daily.yaml:9:17: unknown target 'host1' (did you mean 'host01'?)"), output);
        assertTrue(
                output.contains("daily.yaml:10:16: 'every' must be a duration like 30s or 5m, got '5 minutes'"),
                output);
        assertTrue(output.contains("daily.yaml:12:20: invalid condition"), output);
        assertTrue(output.contains("Rounds cannot start: the checklist folder"), output);
    }
}
