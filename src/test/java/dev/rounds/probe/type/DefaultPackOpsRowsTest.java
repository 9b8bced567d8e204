package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.ChecklistLoader;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeType;
import dev.rounds.probe.ProbeTypes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default pack's ticket and resource rows on a fresh machine: no secrets, no node_exporter. Each probe
 * must say what to configure, and the rows stay signed off by a person.
 */
class DefaultPackOpsRowsTest {

    private static final Environment NOTHING_SET = name -> Optional.empty();

    private static ChecklistSet pack;
    private static final ProbeTypes TYPES = new ProbeTypes();

    @BeforeAll
    static void load() {
        var loaded = new ChecklistLoader().load(Path.of("checklists"), TYPES);
        assertEquals(List.of(), loaded.problems());
        pack = loaded.set();
    }

    private static Activity activity(String checklist, String id) {
        return pack.checklists().stream()
                .filter(c -> c.id().equals(checklist))
                .findFirst()
                .orElseThrow()
                .activities()
                .stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Observation observe(ProbeSpec spec) {
        ProbeType type = TYPES.type(spec.type()).orElseThrow();
        return type.observe(
                        spec, spec.targets().get(0), ProbeHarness.context(Clock.systemUTC(), 1024 * 1024, NOTHING_SET))
                .toCompletableFuture()
                .join();
    }

    @Test
    void ticketRowsNameTheVariableToSet() {
        String tail = " is not set; set it to the Authorization header value (e.g. 'Bearer <token>' or "
                + "'Basic <base64 of user:token>') in the environment Rounds starts in";

        assertEquals(
                "environment variable ROUNDS_SERVICENOW_AUTH" + tail,
                observe(activity("daily", "incident-tickets").probes().get(0)).message());
        assertEquals(
                "environment variable ROUNDS_SERVICENOW_AUTH" + tail,
                observe(activity("daily", "resolve-tickets").probes().get(0)).message());
        assertEquals(
                "environment variable ROUNDS_JIRA_AUTH" + tail,
                observe(activity("daily", "portal-requests").probes().get(0)).message());
    }

    @Test
    void resourceRowsSayWhatToInstall() {
        assumeTrue(nothingListensOn(9100), "something listens on 127.0.0.1:9100 here");

        for (Activity row : List.of(
                activity("daily", "resource-usage"),
                activity("weekly", "weekly-performance"),
                activity("monthly", "capacity-planning"))) {
            assertEquals(
                    "connection refused by 127.0.0.1:9100; is prometheus-node-exporter running there? "
                            + "(Debian: apt install prometheus-node-exporter)",
                    observe(row.probes().get(0)).message());
        }
    }

    @Test
    void theseRowsStaySignedOffByAPerson() {
        for (String id : List.of("incident-tickets", "resolve-tickets", "portal-requests", "resource-usage")) {
            assertEquals(SignoffPolicy.ALWAYS, activity("daily", id).signoff(), id);
        }
        assertEquals(
                SignoffPolicy.ALWAYS, activity("weekly", "weekly-performance").signoff());
        assertEquals(
                SignoffPolicy.ALWAYS, activity("monthly", "capacity-planning").signoff());
    }

    private static boolean nothingListensOn(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
