package dev.rounds.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.audit.AuditEntry;
import dev.rounds.audit.ChainedAuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed logins cool off first the user name, then the whole address; time ends the cooling-off. */
@QuarkusTest
@TestProfile(ThrottleTestProfile.class)
class LoginThrottleTest {

    @Inject
    TestClock clock;

    @Inject
    ChainedAuditLog log;

    private static int basic(String user, String password) {
        return given().auth()
                .preemptive()
                .basic(user, password)
                .get("/api/occurrences")
                .statusCode();
    }

    @Test
    void threeWrongPasswordsRefuseEvenTheRightOneUntilTheCoolingOffEnds() {
        String name = TestAccounts.ensure("throttled-judy", "viewer");
        AuditMark trail = AuditMark.from(log);
        for (int i = 0; i < 3; i++) assertEquals(401, basic(name, "guess-" + i));

        given().auth()
                .preemptive()
                .basic(name, TestAccounts.PASSWORD)
                .get("/api/occurrences")
                .then()
                .statusCode(429)
                .header("Retry-After", "300");
        List<AuditEntry> failures = trail.entries("login.failed", name);
        assertEquals(3, failures.size(), "one entry per failure, none for the refusal: " + failures);
        assertTrue(
                failures.get(2).detail().contains("cooling_off_until"),
                failures.get(2).detail());

        String csrf = given().get("/login").cookie("csrf-token");
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("j_username", name)
                .formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .header("Location", "/login?error=cooling-off&retry=300");
        given().get("/login?error=cooling-off&retry=300")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Try again in 5 minutes"));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, basic(name, TestAccounts.PASSWORD));
    }

    @Test
    void failuresUnderManyNamesCoolOffTheAddressForEveryone() {
        String bystander = TestAccounts.ensure("throttled-bystander", "viewer");
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 6; i++) assertEquals(401, basic("sprayed-" + i, "guess"));

        assertEquals(429, basic(bystander, TestAccounts.PASSWORD));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, basic(bystander, TestAccounts.PASSWORD));
    }
}
