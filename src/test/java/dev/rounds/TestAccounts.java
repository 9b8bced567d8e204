package dev.rounds;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Accounts that tests create through the API, already past their first-login password change. */
public final class TestAccounts {

    /** The password every test account ends up with. */
    public static final String PASSWORD = "a-test-password-of-length";

    private static final String INITIAL = "initial-password-to-change";

    private TestAccounts() {}

    /**
     * Makes sure an account with these roles exists and its password is {@link #PASSWORD}. Applications of other
     * test profiles share the in-memory database, so the account may exist already.
     */
    public static String ensure(String username, String... roles) {
        int created = asAdmin()
                .contentType("application/json")
                .body(Map.of("username", username, "password", INITIAL, "roles", List.of(roles)))
                .post("/api/users")
                .statusCode();
        if (created == 201) {
            given().auth()
                    .preemptive()
                    .basic(username, INITIAL)
                    .contentType("application/json")
                    .body(Map.of("current", INITIAL, "password", PASSWORD))
                    .post("/api/account/password")
                    .then()
                    .statusCode(204);
        } else if (created != 409) {
            throw new AssertionError("creating " + username + " answered " + created);
        }
        return username;
    }

    /** Requests as an account holding exactly this role, made on first use. */
    public static RequestSpecification as(String username, String role) {
        return as(ensure(username, role));
    }

    /** Requests as that account, over HTTP Basic. */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
