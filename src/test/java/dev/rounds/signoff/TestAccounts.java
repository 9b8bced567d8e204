package dev.rounds.signoff;

import static io.restassured.RestAssured.given;

import dev.rounds.security.AppUser;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;

/** People with one role each, for tests of who may do what; the built-in admin holds every role. */
public final class TestAccounts {

    public static final String PASSWORD = "test-people-password";

    private TestAccounts() {
    }

    /** Requests as a user holding only these roles, created on first use (the test database outlives applications). */
    public static RequestSpecification as(String username, String roles) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.findById(username) == null) {
                AppUser user = new AppUser();
                user.username = username;
                user.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
                user.roles = roles;
                user.createdAt = Instant.now();
                user.persist();
            }
        });
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
