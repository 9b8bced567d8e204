package dev.rounds.report;

import static dev.rounds.Logins.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The default pack's backup rows about Rounds itself pass once Rounds has backed itself up. */
@QuarkusTest
@TestProfile(DefaultPackBackupProfile.class)
class DefaultPackBackupTest {

    @Inject
    ChecklistRegistry checklists;

    @Inject
    ProbeRunner runner;

    private ProbeResult run(String activity) throws Exception {
        ProbeSpec spec = checklists
                .current()
                .checklist("daily")
                .orElseThrow()
                .activity(activity)
                .orElseThrow()
                .probes()
                .get(0);
        return runner.run(
                        spec,
                        spec.targets().get(0),
                        new ProbeKey("daily", activity, 0, spec.targets().get(0).id()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void roundsOwnDatabaseAndChecklistBackupsPass() throws Exception {
        asAdmin().contentType("application/json").post("/api/backups").then().statusCode(201);

        ProbeResult database = run("backup-portal-database");
        ProbeResult extensions = run("backup-portal-extensions");

        assertEquals(ProbeStatus.UP, database.status(), database.message());
        assertEquals(true, database.values().get("complete"));
        assertEquals(ProbeStatus.UP, extensions.status(), extensions.message());
    }

    @Test
    void theHostBackupHeartbeatSaysHowToReportIn() throws Exception {
        ProbeResult hosts = run("backup-hosts");

        assertEquals(ProbeStatus.DOWN, hosts.status());
        assertTrue(hosts.message().startsWith("no ping yet; the job should POST /api/ping/<token>"), hosts.message());
    }
}
