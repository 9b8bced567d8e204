package dev.rounds.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.probe.ProbeKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/several-instances.md: two instances of the PostgreSQL build on one database share the work. 200 continuous tcp
 * probe × target pairs every 5 s, each against a loopback port of its own, run once per slot between them (counted in
 * {@code probe_result} and at the listeners), with no slot missed; the backup, a calendar job every 15 s, runs once
 * per firing; when one instance is killed the other takes every pair over within 15 s, when it comes back the pairs
 * are shared again, and when it stops cleanly they are handed over without a gap. The audit log names the members
 * that joined, the one lost and the one that left, and its chain verifies.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterIT {

    private static final int PAIRS = 200;
    private static final int ACTIVITIES = 10;
    private static final Duration EVERY = Duration.ofSeconds(5);
    /**
     * How late a run may start and still not count as a gap. A missed slot leaves two intervals between runs, so any
     * tolerance under one interval catches it; half an interval is the midpoint between one late start (the 100 ms
     * scheduler tick, two JVMs and PostgreSQL on two shared cores) and one missed slot, and is also where
     * {@link RunLedger} stops counting a late run for its own slot.
     */
    private static final Duration TOLERANCE = EVERY.dividedBy(2);
    /**
     * A member silent for {@code rounds.cluster.lease} (8 s) is taken as gone at the next check-in of another (every
     * 2 s), which then holds its pairs: within this.
     */
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    /** Longer than {@code rounds.cluster.settle} (6 s), after which a member that joined takes its share. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static final Duration STEADY = Duration.ofSeconds(60);
    private static final long BACKUP_SECONDS = 15;
    private static final String JOINED = "cluster.member.joined";
    /** The writer flushes at least every 5 s (rounds.probe.flush-interval): after this, every run so far is written. */
    private static final Duration FLUSHED = Duration.ofSeconds(7);

    /** Kept when the test fails: each instance's folder holds its logs, server-1.log and after the restart server-2.log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<PackagedRounds> instances = new ArrayList<>();
    private SharedDatabase database;
    private LoopbackListeners listeners;

    @AfterEach
    void cleanUp() throws Exception {
        try {
            for (PackagedRounds instance : instances) instance.kill();
        } finally {
            try {
                if (listeners != null) listeners.close();
            } finally {
                if (database != null) database.close();
            }
        }
    }

    @Test
    void twoInstancesRunEachProbeAndCalendarJobOnceAndTheSurvivorOfAKillTakesEveryProbeOver() throws Exception {
        database = new SharedDatabase();
        listeners = new LoopbackListeners(PAIRS);
        LoopbackChecklist checklist = new LoopbackChecklist(listeners.ports(), ACTIVITIES, ACTIVITIES, EVERY);
        List<ProbeKey> keys = checklist.keys();
        assertEquals(PAIRS, keys.size());
        PackagedRounds first = instance("first", checklist);
        PackagedRounds second = instance("second", checklist);
        start(first);
        start(second);
        Instant bothUp = phase("both up");

        // Both run: every pair once per slot between them, the backup once per firing.
        Instant steadyFrom = bothUp.plus(SETTLE);
        Instant steadyTo = runFor(SETTLE.plus(STEADY));
        assertEachSlotRanOnce(checklist);
        assertNoGaps(checklist, keys, steadyFrom, steadyTo, "while both ran");
        assertBackupsOncePerFiring(steadyFrom, steadyTo);
        List<ClusterHealth> both = ClusterHealth.awaitSettled(instances, 2, PAIRS, Duration.ZERO);
        String firstId = both.get(0).self();
        String lostId = both.get(1).self();

        // One is killed just after a backup firing, so that a firing it had taken on is still run within its
        // 15 s by the survivor, once the survivor has noticed it gone.
        PackagedRounds.sleep(millisToSecondOfFiring(1));
        Instant killed = phase("second killed");
        second.kill();
        ClusterHealth.awaitSettled(List.of(first), 1, PAIRS, TAKEOVER);
        Duration takeover = Duration.between(killed, Instant.now());
        Instant tookOver = killed.plus(TAKEOVER).plus(EVERY);
        Instant aloneTo = runFor(Duration.between(Instant.now(), tookOver.plus(EVERY.multipliedBy(2))));
        try (Connection db = database.connect()) {
            List<ProbeKey> silent = RunLedger.persisted(db, checklist).silent(keys, killed, tookOver);
            assertEquals(List.of(), silent, "pairs that did not run within 15 s and one interval of the kill");
        }
        assertNoGaps(checklist, keys, tookOver, aloneTo, "on the survivor");

        // The killed one comes back: the pairs are shared again.
        start(second);
        List<ClusterHealth> rejoined = ClusterHealth.awaitSettled(instances, 2, PAIRS, TAKEOVER);
        String rejoinedId = rejoined.get(1).self();
        Instant rebalanced = phase("second rejoined, pairs shared");
        runFor(SETTLE);

        // It stops cleanly: it hands its pairs over from an agreed slot, without a gap, and says it leaves.
        phase("second stopping");
        second.stop();
        ClusterHealth.awaitSettled(List.of(first), 1, PAIRS, TAKEOVER);
        Instant end = runFor(EVERY.multipliedBy(2));
        assertEachSlotRanOnce(checklist);
        assertNoGaps(checklist, keys, rebalanced, end, "after the rejoin and through the clean stop");
        assertBackupsOncePerFiring(steadyFrom, end);
        Map<String, List<String>> members = membership();
        assertEquals(List.of(JOINED), members.get(firstId), "the first member in the audit log");
        assertEquals(List.of(JOINED, "cluster.member.lost"), members.get(lostId), "the killed member in the audit log");
        assertEquals(
                List.of(JOINED, "cluster.member.left"), members.get(rejoinedId), "the stopped member in the audit log");
        JsonNode verify = first.get("/api/audit/verify").json();
        assertTrue(verify.path("ok").asBoolean(), "the audit chain does not verify: " + verify);
        System.out.printf(
                "cluster test: %d connections to %d listeners, each slot once; %d backups, one per firing;"
                        + " the survivor held every pair %.1f s after the kill%n",
                listeners.total(), PAIRS, audit("backup.created").size(), takeover.toMillis() / 1e3);
    }

    private PackagedRounds instance(String name, LoopbackChecklist checklist) {
        Path home = dir.resolve(name);
        checklist.writeInto(home);
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("ROUNDS_BACKUP_CRON", "0/" + BACKUP_SECONDS + " * * * * ?");
        environment.put("ROUNDS_BACKUP_AT_FIRST_START", "false");
        return new PackagedRounds(home, PackagedRounds.postgresqlJar(), environment);
    }

    /** Starts the instance, which the clean-up then kills. */
    private void start(PackagedRounds instance) {
        if (!instances.contains(instance)) instances.add(instance);
        instance.start();
    }

    /** Says in the test's output when a phase began, and where the instances' logs are, to read them by. */
    private Instant phase(String what) {
        Instant now = Instant.now();
        System.out.printf("cluster test: %s at %s (logs in %s)%n", what, now, dir);
        return now;
    }

    /** Lets the instances run for {@code length}; returns when it ended, once what ran until then is written. */
    private static Instant runFor(Duration length) {
        PackagedRounds.sleep(length.toMillis());
        Instant end = Instant.now();
        PackagedRounds.sleep(FLUSHED.toMillis());
        return end;
    }

    /** No slot of any pair ran twice, neither as the database has it nor as the listeners were connected. */
    private void assertEachSlotRanOnce(LoopbackChecklist checklist) throws SQLException {
        try (Connection db = database.connect()) {
            List<String> persisted = RunLedger.persisted(db, checklist).duplicates();
            assertTrue(persisted.isEmpty(), "slots persisted twice " + RunLedger.summary(persisted));
        }
        List<String> connected = RunLedger.connected(listeners, checklist).duplicates();
        assertTrue(connected.isEmpty(), "slots whose listener was connected to twice " + RunLedger.summary(connected));
    }

    /** No slot was missed: first as the listeners saw it (nobody ran it), then as persisted (a result was lost). */
    private void assertNoGaps(LoopbackChecklist checklist, List<ProbeKey> keys, Instant from, Instant to, String when)
            throws SQLException {
        List<String> connected = RunLedger.connected(listeners, checklist).gaps(keys, from, to, TOLERANCE);
        assertTrue(connected.isEmpty(), "slots no instance ran " + when + " " + RunLedger.summary(connected));
        try (Connection db = database.connect()) {
            List<String> persisted = RunLedger.persisted(db, checklist).gaps(keys, from, to, TOLERANCE);
            assertTrue(persisted.isEmpty(), "slots run but not persisted " + when + " " + RunLedger.summary(persisted));
        }
    }

    /**
     * Each backup firing in {@code [from, to)} ran once: every {@code backup.created} entry is counted for the latest
     * firing at or before it, per kind of backup.
     */
    private void assertBackupsOncePerFiring(Instant from, Instant to) throws Exception {
        Map<String, Integer> byFiring = new TreeMap<>();
        for (Entry entry : audit("backup.created")) {
            long firing = Instant.parse(entry.at()).getEpochSecond() / BACKUP_SECONDS * BACKUP_SECONDS;
            String kind =
                    PackagedRounds.JSON.readTree(entry.detail()).path("kind").asText();
            byFiring.merge(Instant.ofEpochSecond(firing) + " " + kind, 1, Integer::sum);
        }
        byFiring.forEach((firing, count) -> assertEquals(1, count, "backups of the firing " + firing));
        long firstFiring = (from.getEpochSecond() + BACKUP_SECONDS - 1) / BACKUP_SECONDS;
        long lastFiring = (to.getEpochSecond() - 1) / BACKUP_SECONDS;
        for (long firing = firstFiring; firing < lastFiring; firing++) {
            Instant at = Instant.ofEpochSecond(firing * BACKUP_SECONDS);
            assertTrue(
                    byFiring.keySet().stream().anyMatch(key -> key.startsWith(at + " ")),
                    "no backup of the firing at " + at + ": " + byFiring);
        }
    }

    /** The cluster.member.* actions of each member id, in order. */
    private Map<String, List<String>> membership() throws SQLException {
        Map<String, List<String>> actions = new HashMap<>();
        for (Entry entry : audit("cluster.member.%")) {
            actions.computeIfAbsent(entry.subject(), id -> new ArrayList<>()).add(entry.action());
        }
        return actions;
    }

    private record Entry(String at, String action, String subject, String detail) {}

    private List<Entry> audit(String actions) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection db = database.connect();
                Statement select = db.createStatement();
                ResultSet rows = select.executeQuery("SELECT at, action, subject, detail FROM audit_log WHERE action"
                        + " LIKE '" + actions + "' ORDER BY seq")) {
            while (rows.next()) {
                entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return entries;
    }

    /** How long until {@code second} seconds after the next backup firing. */
    private static long millisToSecondOfFiring(long second) {
        long now = System.currentTimeMillis();
        long period = BACKUP_SECONDS * 1000;
        long target = Math.floorDiv(now, period) * period + second * 1000;
        return (target > now ? target : target + period) - now;
    }
}
