package dev.rounds.cluster;

import dev.rounds.audit.AuditLog;
import dev.rounds.core.CommandMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * This instance's lease in {@code cluster_member}, and its view of the others: it joins at start, checks in every
 * {@code rounds.cluster.check-in}, takes any member silent for a {@code rounds.cluster.lease} for gone (deleting its
 * row and auditing {@code cluster.member.lost}, once, whoever notices first), and at a clean stop hands its probes
 * over from an agreed slot before it leaves. Each join and leave is an audit entry. An instance alone (the embedded
 * H2 default) holds the same lease, so its dashboard and health say the same things.
 */
@ApplicationScoped
public class Membership implements SlotOwner {

    /**
     * After the first checklist load (LIBRARY_BEFORE) and Rounds' own {@code rounds.started} entry (LIBRARY_BEFORE + 2),
     * so that the join is part of the run it starts; before the schedule's first tick and the probes (APPLICATION and
     * later).
     */
    static final int JOIN_PRIORITY = Interceptor.Priority.LIBRARY_BEFORE + 3;

    private static final Logger LOG = Logger.getLogger(Membership.class);

    /**
     * How long past its handover slot a stopping instance keeps its probe scheduler going, so that the runs of its
     * slots before that one start even when they start late (the scheduler stops when this instance has left).
     */
    private static final Duration LAST_RUNS_START = Duration.ofSeconds(1);

    /** How often a stopping instance looks whether the others have seen its handover. */
    private static final Duration TICK = Duration.ofMillis(200);

    private final String self = newId();
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    ClusterConfig config;

    @Inject
    Instance<Holdings> holdings;

    private final ScheduledExecutorService checkIns = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rounds-cluster-check-in");
        thread.setDaemon(true);
        return thread;
    });

    private volatile ClusterView view = ClusterView.alone(self);
    private volatile boolean joined;
    /** When this instance last checked in, by its own clock; {@code null} before its first check-in. */
    private volatile Instant checkedIn;

    /** This instance's member id: its host, process id and a random part, unique across restarts. */
    public String self() {
        return self;
    }

    /** The members as of the latest check-in. */
    public ClusterView view() {
        return view;
    }

    /** Whether this instance's lease is current: it checked in within {@code rounds.cluster.lease}. */
    public boolean checkedInRecently() {
        Instant last = checkedIn;
        return last != null && last.isAfter(Instant.now().minus(config.lease()));
    }

    @Override
    public boolean owns(long probeHash, Instant slot) {
        return view.owns(probeHash, slot);
    }

    void onStart(@Observes @Priority(JOIN_PRIORITY) StartupEvent event, CommandMode command) {
        if (command.active()) return;
        join(false);
        // A thread of its own, not a scheduler's pool: a check-in that waits behind other jobs lets the lease lapse
        checkIns.scheduleWithFixedDelay(
                this::checkInWhileJoined,
                config.checkIn().toMillis(),
                config.checkIn().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Before the probe scheduler stops (its priority is APPLICATION): the others take over first. */
    void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ShutdownEvent event) {
        if (joined) leave();
        checkIns.shutdownNow();
    }

    private synchronized void checkInWhileJoined() {
        if (joined) checkIn();
    }

    /** Renews this instance's lease, notices members gone, and refreshes the view. */
    public synchronized void checkIn() {
        try {
            inTransaction(connection -> {
                Instant now = MemberTable.now(connection);
                if (!MemberTable.checkIn(connection, self, now)) {
                    LOG.warnf(
                            "member=%s found its lease taken for lost (no check-in for %ss): joining again",
                            self, config.lease().toSeconds());
                    insertSelf(connection, now, true);
                }
                refresh(connection, now);
            });
        } catch (RuntimeException e) {
            LOG.warnf("member=%s could not check in: %s", self, e.getMessage());
        }
    }

    private void join(boolean again) {
        try {
            inTransaction(connection -> {
                Instant now = MemberTable.now(connection);
                insertSelf(connection, now, again);
                refresh(connection, now);
            });
            joined = true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "member=%s could not join: it runs every probe until it can check in", self);
            joined = true;
        }
    }

    private void insertSelf(Connection connection, Instant now, boolean again) throws SQLException {
        Instant eligibleFrom = now.plus(config.settle());
        MemberTable.insert(connection, new Member(self, host, pid, now, now, eligibleFrom, null, 0));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("host", host);
        detail.put("pid", pid);
        detail.put("takes_probes_from", eligibleFrom.toString());
        if (again) detail.put("again", true);
        audit.append(AuditLog.SYSTEM, "cluster.member.joined", self, detail);
        LOG.infof("member=%s joined host=%s pid=%d takes probes from %s", self, host, pid, eligibleFrom);
    }

    /**
     * Deletes the leases gone stale (auditing each once), takes the rest as the view, and records how many probes this
     * instance holds under it.
     */
    private void refresh(Connection connection, Instant now) throws SQLException {
        Instant staleBefore = now.minus(config.lease());
        var live = new ArrayList<Member>();
        for (Member member : MemberTable.all(connection)) {
            boolean stale = !member.id().equals(self) && member.checkedInAt().isBefore(staleBefore);
            if (!stale) {
                live.add(member);
            } else if (MemberTable.delete(connection, member.id(), member.checkedInAt())) {
                lost(member, now);
            }
        }
        var seen = new ClusterView(self, now, live);
        int probes = held(seen);
        MemberTable.holds(connection, self, probes);
        live.replaceAll(m -> m.id().equals(self) ? m.holding(probes) : m);
        view = new ClusterView(self, now, live);
        checkedIn = Instant.now();
    }

    private void lost(Member member, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("host", member.host());
        detail.put("pid", member.pid());
        detail.put("last_check_in", member.checkedInAt().toString());
        detail.put("probes", member.probes());
        detail.put("noticed_by", self);
        audit.append(AuditLog.SYSTEM, "cluster.member.lost", member.id(), detail);
        LOG.warnf(
                "member=%s lost: no check-in since %s (%ds); its %d probes move to the others",
                member.id(),
                member.checkedInAt(),
                Duration.between(member.checkedInAt(), now).toSeconds(),
                member.probes());
    }

    /**
     * Announces the slot from which the others take this instance's probes, waits until each of them has checked in
     * since (announcing a later slot if one has not by then), keeps running its probes until that slot (and the runs
     * of earlier slots have started), and deletes the lease. Alone, it leaves at once.
     */
    private void leave() {
        synchronized (this) {
            joined = false;
        }
        try {
            int probes = held(view);
            Instant leavingAt = announceLeaving();
            if (leavingAt != null) {
                LOG.infof("member=%s hands its probes over from %s", self, leavingAt);
                long wait = Duration.between(Instant.now(), leavingAt.plus(LAST_RUNS_START))
                        .toMillis();
                if (wait > 0) Thread.sleep(wait);
            }
            inTransaction(connection -> {
                MemberTable.delete(connection, self);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("host", host);
                detail.put("pid", pid);
                detail.put("probes", probes);
                audit.append(AuditLog.SYSTEM, "cluster.member.left", self, detail);
            });
            LOG.infof("member=%s left", self);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "member=%s could not leave cleanly (%s): the others take its probes when its lease ends",
                    self, e.getMessage());
        }
    }

    /**
     * Sets the slot from which this instance gives up its probes to one every other member has seen before it comes:
     * {@code handover} ahead, moved on while a member has not checked in since the announcement. Returns that slot,
     * or {@code null} when there is no other member to hand over to.
     */
    private Instant announceLeaving() throws InterruptedException {
        while (true) {
            Instant[] announced = new Instant[2];
            inTransaction(connection -> {
                Instant now = MemberTable.now(connection);
                refresh(connection, now);
                if (view.members().stream().allMatch(m -> m.id().equals(self))) return;
                announced[0] = now.plus(config.handover());
                MemberTable.leaveFrom(connection, self, announced[0]);
                refresh(connection, now);
            });
            if (announced[0] == null) return null;
            inTransaction(connection -> announced[1] = MemberTable.now(connection));
            while (Instant.now().isBefore(announced[0].minus(TICK))) {
                Thread.sleep(TICK.toMillis());
                if (othersCheckedInSince(announced[1])) return announced[0];
            }
            LOG.infof(
                    "member=%s: not every member has seen its handover at %s yet; announcing a later one",
                    self, announced[0]);
        }
    }

    private boolean othersCheckedInSince(Instant announced) {
        boolean[] seen = new boolean[1];
        inTransaction(connection -> {
            Instant staleBefore = MemberTable.now(connection).minus(config.lease());
            seen[0] = MemberTable.all(connection).stream()
                    .filter(m -> !m.id().equals(self) && !m.checkedInAt().isBefore(staleBefore))
                    .allMatch(m -> m.checkedInAt().isAfter(announced));
        });
        return seen[0];
    }

    private int held(ClusterView under) {
        return holdings.isResolvable() ? holdings.get().held(under) : 0;
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                work.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static String newId() {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return hostName() + "/" + ProcessHandle.current().pid() + "/"
                + HexFormat.of().formatHex(random);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
