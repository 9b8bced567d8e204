package dev.rounds.cluster;

import dev.rounds.audit.AuditLog;
import dev.rounds.core.CommandMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
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
import java.util.concurrent.ThreadLocalRandom;
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

    /** Before the checklists load and the probes start (ChecklistRegistry's start-up priority is LIBRARY_BEFORE). */
    static final int JOIN_PRIORITY = Interceptor.Priority.LIBRARY_BEFORE - 100;

    private static final Logger LOG = Logger.getLogger(Membership.class);

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
        if (!command.active()) join(false);
    }

    /** Before the probe scheduler stops (its priority is APPLICATION): the others take over first. */
    void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ShutdownEvent event) {
        if (joined) leave();
    }

    @Scheduled(
            identity = "rounds-cluster-check-in",
            every = "${rounds.cluster.check-in}",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledCheckIn() {
        if (joined) checkIn();
    }

    /** Renews this instance's lease, notices members gone, and refreshes the view. */
    public void checkIn() {
        try {
            inTransaction(connection -> {
                Instant now = MemberTable.now(connection);
                if (!MemberTable.checkIn(connection, self, now, held())) {
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

    /** Deletes the leases gone stale (auditing each once), then takes the rest as the view. */
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
     * Announces the slot from which the others take this instance's probes, keeps running them until then, and
     * deletes the lease. Alone, it leaves at once.
     */
    private void leave() {
        joined = false;
        try {
            Instant[] leavingAt = new Instant[1];
            inTransaction(connection -> {
                Instant now = MemberTable.now(connection);
                refresh(connection, now);
                boolean others = view.members().stream().anyMatch(m -> !m.id().equals(self));
                leavingAt[0] = others ? now.plus(config.handover()) : now;
                MemberTable.leaveFrom(connection, self, leavingAt[0]);
                refresh(connection, now);
            });
            long wait = Duration.between(view.seenAt(), leavingAt[0]).toMillis();
            if (wait > 0) {
                LOG.infof("member=%s hands its probes over from %s", self, leavingAt[0]);
                Thread.sleep(wait);
            }
            int probes = held();
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

    private int held() {
        return holdings.isResolvable() ? holdings.get().held(view) : 0;
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
