package dev.rounds.signoff;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.AuditTrail;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.probe.ProbeScheduler;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person may vouch for an activity whose probes cannot run, but not for one whose probes are still measuring:
 * "sign off after the probes pass" must not turn a missing credential into a missed activity every day.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class UncheckableProbesSignOffTest {

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(UncheckableChecklists.files());
    }

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @Inject
    ProbeScheduler probes;

    private static Occurrence occurrence(String activity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.latestOf("daily", activity)
                        .orElseThrow(() -> new AssertionError("no occurrence of daily/" + activity)));
    }

    @Test
    void aProbeThatCannotRunLetsAPersonSignOffAndTheAuditSaysWhy() throws Exception {
        // The probe ran as the occurrence opened: its result, once written, is what the next tick judges.
        schedule.tick();
        probes.lastRunOnce("daily", "tickets").toCompletableFuture().get(20, TimeUnit.SECONDS);
        writer.flush();
        schedule.tick();
        Occurrence tickets = occurrence("tickets");
        assertTrue(
                tickets.statusReason != null && tickets.statusReason.startsWith("probes could not run"),
                tickets.statusReason);
        assertEquals(OccurrenceStatus.OPEN, tickets.status);
        assertTrue(tickets.statusReason.contains("ROUNDS_TEST_VARIABLE_NEVER_SET"), tickets.statusReason);

        long signOffId = asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "queue reviewed in Jira by hand; credential requested in CHG-12"))
                .post("/api/occurrences/{id}/signoff", tickets.id)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        assertEquals(OccurrenceStatus.DONE, occurrence("tickets").status);
        List<Map<String, Object>> entries = AuditTrail.entries("signoff.recorded", "signoff_id", signOffId);
        assertEquals(1, entries.size(), entries::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) entries.get(0).get("detail");
        assertTrue(
                String.valueOf(detail.get("probe_errors")).contains("ROUNDS_TEST_VARIABLE_NEVER_SET"),
                detail::toString);
    }

    @Test
    void aProbeStillMeasuringKeepsTheSignOffWaiting() {
        schedule.tick();
        Occurrence slow = occurrence("slow");
        assertEquals(OccurrenceStatus.OPEN, slow.status);

        asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "looked fine to me"))
                .post("/api/occurrences/{id}/signoff", slow.id)
                .then()
                .statusCode(409)
                .body("detail", containsString("waiting for its probes to pass"));
        assertEquals(null, occurrence("slow").signedOffAt);
    }
}
