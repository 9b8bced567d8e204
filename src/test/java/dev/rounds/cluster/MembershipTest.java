package dev.rounds.cluster;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.AuditTrail;
import dev.rounds.probe.ProbeScheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * This instance's lease and its view of the others, with other members written into {@code cluster_member} as
 * another instance on the same database would write them.
 */
@QuarkusTest
class MembershipTest {

    @Inject
    Membership membership;

    @Inject
    ProbeScheduler scheduler;

    @Inject
    DataSource dataSource;

    @Test
    void theHealthCheckNamesThisMemberAndTheProbesItHoldsAndItsJoinIsAudited() {
        membership.checkIn();
        Map<String, Object> cluster = clusterHealth();
        assertEquals("UP", cluster.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) cluster.get("data");
        assertEquals(membership.self(), data.get("self"));
        assertEquals(1, data.get("members"));
        int scheduled = scheduler.nextRuns().size();
        assertTrue(scheduled > 0, "the test checklists schedule continuous probes");
        assertEquals(scheduled, data.get(membership.self() + ".probes"), "alone, it holds every probe");
        assertTrue(Instant.parse((String) data.get(membership.self() + ".checked-in"))
                .isAfter(Instant.now().minusSeconds(30)));
        assertEquals(List.of("system"), AuditTrail.actorsOf("cluster.member.joined", membership.self()));
    }

    @Test
    void aMemberSilentForALeaseIsTakenForLostOnceWhoeverLooksAgain() throws SQLException {
        String ghost = "ghost-host/4242/0a0b0c";
        insertMember(ghost, Instant.now().minusSeconds(60), Instant.now().minusSeconds(120));
        membership.checkIn();
        membership.checkIn();
        assertFalse(membership.view().members().stream().anyMatch(m -> m.id().equals(ghost)));
        assertEquals(List.of("system"), AuditTrail.actorsOf("cluster.member.lost", ghost), "audited once");
    }

    @Test
    void aLiveMemberTakesItsShareAndTheHealthCheckShowsBoth() throws SQLException {
        String peer = "peer-host/4343/0d0e0f";
        insertMember(peer, Instant.now(), Instant.now().minusSeconds(1));
        try {
            membership.checkIn();
            ClusterView view = membership.view();
            assertEquals(2, view.members().size());
            int total = scheduler.nextRuns().size();
            int mine = scheduler.held(view);
            assertTrue(mine < total, "the peer holds some of the " + total + " probes; this one holds " + mine);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) clusterHealth().get("data");
            assertEquals(2, data.get("members"));
            assertTrue(data.containsKey(peer + ".checked-in"));
            String dashboard =
                    asAdmin().get("/").then().statusCode(200).extract().asString();
            assertTrue(dashboard.contains("2 instances share the probes"), "the dashboard's cluster line");
            assertTrue(dashboard.contains("data-member=\"" + peer + "\""));
            assertTrue(dashboard.contains(membership.self() + " (this one) holds " + mine + " probe"));
        } finally {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM cluster_member WHERE member_id = ?")) {
                delete.setString(1, peer);
                delete.executeUpdate();
            }
            membership.checkIn();
        }
        assertEquals(scheduler.nextRuns().size(), scheduler.held(membership.view()), "alone again, it holds all");
        assertFalse(
                asAdmin().get("/").then().extract().asString().contains("id=\"cluster\""),
                "alone on the embedded database, the dashboard has no cluster line");
    }

    private void insertMember(String id, Instant checkedIn, Instant eligibleFrom) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO cluster_member (member_id, host,"
                        + " pid, started_at, checked_in_at, eligible_from, probes) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, id.substring(0, id.indexOf('/')));
            insert.setLong(3, 4242);
            insert.setObject(4, OffsetDateTime.ofInstant(eligibleFrom, ZoneOffset.UTC));
            insert.setObject(5, OffsetDateTime.ofInstant(checkedIn, ZoneOffset.UTC));
            insert.setObject(6, OffsetDateTime.ofInstant(eligibleFrom, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static Map<String, Object> clusterHealth() {
        List<Map<String, Object>> checks =
                given().get("/q/health/ready").then().extract().jsonPath().getList("checks");
        return checks.stream()
                .filter(check -> "cluster".equals(check.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cluster check in " + checks));
    }
}
