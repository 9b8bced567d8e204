package dev.rounds.probe;

import static dev.rounds.probe.Fixtures.activity;
import static dev.rounds.probe.Fixtures.checklist;
import static dev.rounds.probe.Fixtures.continuous;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ChecklistsLoaded;
import dev.rounds.checklist.Inventory;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The continuous schedule, driven by the test clock and direct ticks, with real loopback targets. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class ProbeSchedulerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.useNone();
    }

    @Inject
    ProbeScheduler scheduler;

    @Inject
    Event<ChecklistsLoaded> loaded;

    @Inject
    TestClock clock;

    @Inject
    ResultWriter writer;

    @Inject
    DataSource dataSource;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void clearScheduleAndCloseServers() throws Exception {
        scheduler.follow(configuration());
        for (AutoCloseable closeable : open) closeable.close();
    }

    private static ChecklistSet configuration(dev.rounds.checklist.Checklist... checklists) {
        return new ChecklistSet(List.of(checklists), new Inventory(Map.of(), List.of(), null, null));
    }

    private static List<Target> targets(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> target("host" + i, "127.0.0.1"))
                .toList();
    }

    private static ProbeSpec tcpEveryMinute(int index, List<Target> targets, int port) {
        return continuous(index, "tcp", targets, Map.of("port", port), MINUTE, Duration.ofSeconds(2));
    }

    @Test
    void firstRunsOfAThousandProbesSpreadOverTheirInterval() {
        Instant now = clock.instant();
        loaded.fire(new ChecklistsLoaded(
                null,
                configuration(checklist("daily", activity("services-up", true, tcpEveryMinute(0, targets(1000), 9))))));

        Map<ProbeKey, Instant> next = scheduler.nextRuns();
        assertEquals(1000, next.size());
        var perSecond = new HashMap<Long, Integer>();
        for (Instant run : next.values()) {
            assertFalse(run.isBefore(now));
            assertTrue(run.isBefore(now.plus(MINUTE)));
            perSecond.merge(Duration.between(now, run).toSeconds(), 1, Integer::sum);
        }
        // About 17 a second if evenly spread; all in one second is what jitter prevents.
        assertTrue(perSecond.size() >= 55, "only " + perSecond.size() + " distinct seconds used");
        assertTrue(perSecond.values().stream().allMatch(n -> n <= 45), perSecond::toString);
    }

    @Test
    void reloadKeepsTheSlotsOfUnchangedProbes() {
        var before =
                configuration(checklist("daily", activity("services-up", true, tcpEveryMinute(0, targets(20), 9))));
        scheduler.follow(before);
        Map<ProbeKey, Instant> first = scheduler.nextRuns();

        clock.advance(Duration.ofSeconds(17));
        loaded.fire(new ChecklistsLoaded(
                before,
                configuration(checklist("daily", activity("services-up", true, tcpEveryMinute(0, targets(21), 10))))));

        Map<ProbeKey, Instant> after = scheduler.nextRuns();
        assertEquals(21, after.size());
        first.forEach((key, run) -> assertEquals(run, after.get(key), key + " moved"));
    }

    @Test
    void pausedActivitiesAndTargetsAreNotScheduled() {
        Target paused = new Target(
                "paused", "127.0.0.1", List.of(), null, Map.of(), List.of(), Map.of(), false, "decommissioned");
        scheduler.follow(configuration(checklist(
                "daily",
                activity("on", true, tcpEveryMinute(0, List.of(target("live", "127.0.0.1"), paused), 9)),
                activity("off", false, tcpEveryMinute(0, List.of(target("live", "127.0.0.1")), 9)))));

        assertEquals(
                List.of(new ProbeKey("daily", "on", 0, "live")),
                List.copyOf(scheduler.nextRuns().keySet()));
    }

    @Test
    void aHungProbeDoesNotHoldBackOthersAndIsNotStartedTwice() throws Exception {
        SilentServer silent = new SilentServer();
        ServerSocket listening = listen();
        Target quiet = target("quiet", "127.0.0.1:" + silent.port());
        Target live = target("live", "127.0.0.1");
        var hung = continuous(0, "http", List.of(quiet), Map.of(), MINUTE, Duration.ofSeconds(3));
        var quick = tcpEveryMinute(1, List.of(live), listening.getLocalPort());
        scheduler.follow(configuration(checklist("daily", activity("services-up", true, hung, quick))));
        long skippedBefore = scheduler.skipped();

        clock.advance(MINUTE);
        scheduler.tick();

        assertEquals(
                "up",
                awaitState("daily/services-up#1@live", Duration.ofSeconds(2)),
                "the tcp probe finished while the http one hangs");
        assertEquals(1, scheduler.inFlight(), "the hung probe is still running");

        clock.advance(MINUTE);
        scheduler.tick();

        assertTrue(scheduler.skipped() > skippedBefore, "the hung probe was not started a second time");
        assertEquals("down", awaitState("daily/services-up#0@quiet", Duration.ofSeconds(5)));
        silent.close();
    }

    @Test
    void runOnceProbesAnActivityWithoutEveryAndWritesTheResults() throws Exception {
        ServerSocket listening = listen();
        Target live = target("once", "127.0.0.1");
        var probe = new ProbeSpec(
                0,
                "tcp",
                "once",
                List.of(live),
                Map.of("port", listening.getLocalPort()),
                null,
                Duration.ofSeconds(2),
                2,
                List.of());
        var backup = activity("backup-review", true, probe);

        List<ProbeResult> results = scheduler
                .runOnce(checklist("weekly", backup), backup)
                .toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(1, results.size());
        assertEquals(ProbeStatus.UP, results.get(0).status(), results.get(0).message());
        assertEquals("up", state("weekly/backup-review#0@once"), "the run's result was with the writer when it ended");
    }

    private ServerSocket listen() throws IOException {
        var socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        open.add(socket);
        return socket;
    }

    /**
     * Bounded poll, because a continuous run started by a tick has no future to wait for: the probe key's last status
     * once it has one.
     */
    private String awaitState(String key, Duration within) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String state = state(key);
            if (state != null) return state;
            if (System.nanoTime() > deadline) return "no result within " + within;
            Thread.sleep(50);
        }
    }

    /** The probe key's last status once what the writer holds is written, or {@code null} if it has none. */
    private String state(String key) throws SQLException {
        writer.flush();
        try (Connection c = dataSource.getConnection();
                var select = c.prepareStatement("SELECT last_status FROM probe_state WHERE probe_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
