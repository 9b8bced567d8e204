package dev.rounds.security;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.audit.ChainedAuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic costs one bcrypt check per account and password, not one per request, and the cache of accepted
 * passwords never outlives what it stood for: the throttle, a password change or reset, disabling the account or a
 * change of its roles apply at the next request. Shares the throttle tests' application for its clock.
 */
@QuarkusTest
@TestProfile(ThrottleTestProfile.class)
class BasicPasswordCacheTest {

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    ChainedAuditLog log;

    /** Past the failure window and any cooling-off, so that each test (and the throttle tests) starts afresh. */
    @AfterEach
    void forgetFailures() {
        clock.advance(Duration.ofMinutes(11));
    }

    private double bcryptChecks() {
        return registry.get("rounds.security.password.checks").counter().count();
    }

    private static int basic(String user, String password, String path) {
        return given().auth().preemptive().basic(user, password).get(path).statusCode();
    }

    private static int occurrences(String user, String password) {
        return basic(user, password, "/api/occurrences");
    }

    @Test
    void tenBasicRequestsCostOneBcryptCheckUntilTheExpiry() {
        String name = TestAccounts.ensure("cached-carol", "viewer");
        double before = bcryptChecks();
        for (int i = 0; i < 10; i++) assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(1, bcryptChecks() - before, "only the first request ran bcrypt");

        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(2, bcryptChecks() - before, "after 5 minutes the password is checked once more");
    }

    @Test
    void twentyBasicRequestsAtOnceShareOneBcryptCheck() throws Exception {
        String name = TestAccounts.ensure("crowded-cora", "viewer");
        double before = bcryptChecks();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return occurrences(name, TestAccounts.PASSWORD);
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) assertEquals(200, answer.get(30, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }
        assertEquals(1, bcryptChecks() - before, "the requests that came while bcrypt ran waited for its answer");
    }

    @Test
    void aWrongPasswordIsStillCheckedAuditedAndThrottledAndTheThrottleRefusesCachedCredentials() {
        String name = TestAccounts.ensure("cached-dave", "viewer");
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        AuditMark trail = AuditMark.from(log);
        double before = bcryptChecks();

        for (int i = 0; i < 3; i++) assertEquals(401, occurrences(name, "wrong-" + i));
        assertEquals(3, bcryptChecks() - before, "each wrong password ran bcrypt");
        assertEquals(3, trail.entries("login.failed", name).size());

        assertEquals(429, occurrences(name, TestAccounts.PASSWORD), "cooling off, though the password is cached");
        assertEquals(3, bcryptChecks() - before, "the refusal came before any check");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(4, bcryptChecks() - before, "the cooling-off outlasted the cache: checked once more");
    }

    @Test
    void aPasswordChangeRefusesTheOldPasswordAtOnce() {
        String name = TestAccounts.ensure("cached-erin", "viewer");
        String changed = "erins-own-new-password";
        double before = bcryptChecks();
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(1, bcryptChecks() - before);

        TestAccounts.as(name)
                .contentType("application/json")
                .body(Map.of("current", TestAccounts.PASSWORD, "password", changed))
                .post("/api/account/password")
                .then()
                .statusCode(204);

        assertEquals(401, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(200, occurrences(name, changed));
    }

    @Test
    void disablingTheAccountRefusesItsCachedPasswordAtOnce() {
        String name = TestAccounts.ensure("cached-frank", "viewer");
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        double before = bcryptChecks();
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(0, bcryptChecks() - before, "cached");

        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/disable", name)
                .then()
                .statusCode(200);
        assertEquals(401, occurrences(name, TestAccounts.PASSWORD));

        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/enable", name)
                .then()
                .statusCode(200);
        assertEquals(200, occurrences(name, TestAccounts.PASSWORD));
    }

    @Test
    void aRoleChangeAndAnAdminsResetApplyAtOnce() {
        String name = TestAccounts.ensure("cached-gina", "viewer");
        assertEquals(403, basic(name, TestAccounts.PASSWORD, "/api/users"));
        double before = bcryptChecks();
        assertEquals(403, basic(name, TestAccounts.PASSWORD, "/api/users"));
        assertEquals(0, bcryptChecks() - before, "cached");

        asAdmin()
                .contentType("application/json")
                .body(Map.of("roles", List.of("viewer", "auditor")))
                .put("/api/users/" + name + "/roles")
                .then()
                .statusCode(200);
        assertEquals(200, basic(name, TestAccounts.PASSWORD, "/api/audit/verify"));

        String reset = "a-reset-password-for-gina";
        asAdmin()
                .contentType("application/json")
                .body(Map.of("password", reset))
                .post("/api/users/" + name + "/password")
                .then()
                .statusCode(200);
        assertEquals(401, occurrences(name, TestAccounts.PASSWORD));
        assertEquals(403, occurrences(name, reset), "the reset password opens only the password change");
        assertEquals(403, occurrences(name, reset), "...also once it is cached");
    }
}
