package dev.rounds.probe;

import static dev.rounds.probe.Fixtures.activity;
import static dev.rounds.probe.Fixtures.checklist;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceJudge;
import dev.rounds.schedule.ProbeSnapshot;
import dev.rounds.schedule.ProbeStateReader;
import dev.rounds.schedule.ProbeVerdict;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fresh installation tells "not set up yet" from "failing": the probe's latest state carries what Rounds lacks
 * (a credential, a tool, a path, a service that never answered) with its one-line fix, and an occurrence whose
 * probes only need setup is not failing. Real probes, real loopback sockets, real files, the real writer.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class SetupNeedTest {

    private static final String NEVER_SET = "ROUNDS_SETUP_TEST_TOKEN_NEVER_SET";

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.useNone();
    }

    @Inject
    ProbeScheduler scheduler;

    @Inject
    ResultWriter writer;

    @Inject
    ProbeStateReader states;

    @Inject
    OccurrenceJudge judge;

    @Inject
    TestClock clock;

    private static ProbeSpec probe(String type, Target target, Map<String, Object> settings) {
        return new ProbeSpec(
                0, type, target.id(), List.of(target), settings, null, Duration.ofSeconds(2), 1, List.of());
    }

    /** Runs the activity's probes once, as "run now" does, and returns the latest state of its one probe. */
    private ProbeSnapshot runAndRead(Checklist checklist, Activity activity) throws Exception {
        scheduler.runOnce(checklist, activity).toCompletableFuture().get(10, TimeUnit.SECONDS);
        writer.flush();
        String key = new ProbeKey(
                        checklist.id(),
                        activity.id(),
                        0,
                        activity.probes().get(0).targets().get(0).id())
                .toString();
        return states.find(List.of(key)).get(key);
    }

    @Test
    void aMissingCredentialNeedsSetupAndTheOccurrenceIsNotFailing() throws Exception {
        Target feedHost = target("setup-feed", "127.0.0.1");
        var feed = activity(
                "security-news",
                true,
                probe("feed", feedHost, Map.of("url", "http://127.0.0.1:9/kev.json", "token_env", NEVER_SET)));
        Checklist checklist = checklist("setup-credential", feed);

        ProbeSnapshot state = runAndRead(checklist, feed);

        assertEquals(ProbeStatus.ERROR, state.status());
        assertEquals(
                SetupNeed.credential("set " + NEVER_SET + " to the API key of http://127.0.0.1:9/kev.json"),
                state.setup());
        Occurrence open = new Occurrence();
        open.openedAt = clock.instant().minusSeconds(60);
        OccurrenceJudge.Verdict verdict = judge.verdictOf(open, checklist, feed);
        assertEquals(ProbeVerdict.PENDING, verdict.verdict(), "needs setup is no failure");
        assertTrue(
                verdict.errors().get(0).contains("needs setup: set " + NEVER_SET),
                verdict.errors().toString());
    }

    @Test
    void aMissingPluginNeedsATool() throws Exception {
        var plugin = activity(
                "plugin",
                true,
                probe("exec", target("setup-exec", "127.0.0.1"), Map.of("command", "check_rounds_no_such")));

        ProbeSnapshot state = runAndRead(checklist("setup-tool", plugin), plugin);

        assertEquals(SetupNeed.TOOL, state.setup().kind(), state.message());
        assertTrue(
                state.setup().fix().contains("apt install monitoring-plugins-basic"),
                state.setup().fix());
    }

    @Test
    void aBackupFolderThatDoesNotExistNeedsAPathButAnEmptyOneIsAFailure() throws Exception {
        Path root = Files.createTempDirectory("rounds-setup-");
        var nowhere = activity(
                "backups-nowhere",
                true,
                probe("backup", target("setup-nowhere", "127.0.0.1"), Map.of("path", root + "/absent/*.tar.gz")));
        var empty = activity(
                "backups-empty",
                true,
                probe("backup", target("setup-empty", "127.0.0.1"), Map.of("path", root + "/*.tar.gz")));

        ProbeSnapshot missing = runAndRead(checklist("setup-path", nowhere), nowhere);
        ProbeSnapshot none = runAndRead(checklist("setup-path", empty), empty);

        assertEquals(ProbeStatus.DOWN, missing.status());
        assertEquals(SetupNeed.PATH, missing.setup().kind());
        assertTrue(
                missing.setup().fix().contains(root + "/absent/*.tar.gz"),
                missing.setup().fix());
        assertEquals(ProbeStatus.DOWN, none.status());
        assertNull(none.setup(), "the folder is there and holds no backup: that is a failure, not setup");
    }

    @Test
    void aRefusedConnectionNeedsSetupOnlyUntilTheTargetFirstAnswers() throws Exception {
        int port;
        try (var probePort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probePort.getLocalPort();
        }
        var service =
                activity("service-up", true, probe("tcp", target("setup-service", "127.0.0.1"), Map.of("port", port)));
        Checklist checklist = checklist("setup-service", service);

        ProbeSnapshot neverAnswered = runAndRead(checklist, service);
        assertEquals(ProbeStatus.DOWN, neverAnswered.status());
        assertEquals(
                SetupNeed.service("start what should listen on 127.0.0.1:" + port
                        + ", or correct the target's address and the probe's port"),
                neverAnswered.setup());
        Occurrence open = new Occurrence();
        open.openedAt = clock.instant().minusSeconds(60);
        assertEquals(
                ProbeVerdict.PENDING, judge.verdictOf(open, checklist, service).verdict());

        ProbeSnapshot answered;
        try (ServerSocket listening = listen(port)) {
            answered = runAndRead(checklist, service);
        }
        assertEquals(ProbeStatus.UP, answered.status(), answered.message());
        assertNull(answered.setup());

        ProbeSnapshot stopped = runAndRead(checklist, service);
        assertEquals(ProbeStatus.DOWN, stopped.status());
        assertNull(stopped.setup(), "it answered once: a refusal now is the service failing");
        assertEquals(
                ProbeVerdict.FAILING, judge.verdictOf(open, checklist, service).verdict());
    }

    @Test
    void roundsOwnAddressFollowsThePortItListensOn() throws Exception {
        // The test application listens on a random port, never 8080: only the placeholder can find it.
        var self = activity(
                "services-up",
                true,
                probe(
                        "http",
                        target("setup-self", "localhost:" + OwnPort.PLACEHOLDER),
                        Map.of("path", "/q/health/live")));

        ProbeSnapshot state = runAndRead(checklist("setup-self", self), self);

        assertEquals(ProbeStatus.UP, state.status(), state.message());
    }

    private static ServerSocket listen(int port) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
