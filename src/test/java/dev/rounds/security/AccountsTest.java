package dev.rounds.security;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestAccounts;
import dev.rounds.audit.AuditEntry;
import dev.rounds.audit.ChainedAuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts, passwords and API tokens over real HTTP: each change is one audit entry naming who made it. */
@QuarkusTest
class AccountsTest {

    @Inject
    ChainedAuditLog log;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static AuditEntry onlyOne(List<AuditEntry> entries, String what) {
        assertEquals(1, entries.size(), "exactly one audit entry for " + what + ": " + entries);
        return entries.get(0);
    }

    @Test
    void eachAccountChangeIsOneAuditEntryNamingTheAdmin() {
        String name = unique("carol");
        AuditMark trail = AuditMark.from(log);
        asAdmin()
                .contentType("application/json")
                .body(Map.of("username", name, "password", "first-password-123", "roles", List.of("viewer")))
                .post("/api/users")
                .then()
                .statusCode(201)
                .body("mustChangePassword", equalTo(true))
                .body("roles", equalTo(List.of("viewer")));
        asAdmin()
                .contentType("application/json")
                .body(Map.of("roles", List.of("operator", "viewer")))
                .put("/api/users/{name}/roles", name)
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("viewer", "operator")));
        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/disable", name)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/enable", name)
                .then()
                .statusCode(200);
        asAdmin()
                .contentType("application/json")
                .body(Map.of("password", "reset-password-456"))
                .post("/api/users/{name}/password", name)
                .then()
                .statusCode(200);

        for (String action :
                List.of("user.created", "user.roles.changed", "user.disabled", "user.enabled", "user.password.reset")) {
            assertEquals("admin", onlyOne(trail.entries(action, name), action).actor());
        }
        assertTrue(onlyOne(trail.entries("user.roles.changed", name), "roles")
                .detail()
                .contains("\"previous\":\"viewer\""));
        assertFalse(onlyOne(trail.entries("user.password.reset", name), "reset")
                .detail()
                .contains("reset-password-456"));
    }

    @Test
    void aDisabledAccountCannotLogInAndItsFailureIsAudited() {
        String name = TestAccounts.ensure(unique("dave"), "viewer");
        TestAccounts.as(name).get("/api/occurrences").then().statusCode(200);
        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/disable", name)
                .then()
                .statusCode(200);
        AuditMark trail = AuditMark.from(log);

        TestAccounts.as(name).get("/api/occurrences").then().statusCode(401);

        AuditEntry failure = onlyOne(trail.entries("login.failed", name), "the refused login");
        assertEquals(name, failure.actor());
        assertTrue(failure.detail().contains("\"reason\":\"account disabled\""), failure.detail());
        assertTrue(failure.detail().contains("\"address\":\"127.0.0.1\""), failure.detail());
    }

    @Test
    void aWrongPasswordIsOneAuditEntryWithTheAttemptedNameAndAddressButNeverThePassword() {
        String name = TestAccounts.ensure(unique("erin"), "viewer");
        AuditMark trail = AuditMark.from(log);

        given().auth()
                .preemptive()
                .basic(name, "not-her-password")
                .get("/api/occurrences")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWithIgnoringCase("basic"));
        given().auth()
                .preemptive()
                .basic("", "whatever")
                .get("/api/occurrences")
                .then()
                .statusCode(401);

        AuditEntry failure = onlyOne(trail.entries("login.failed", name), "the wrong password");
        assertEquals(name, failure.actor());
        assertTrue(failure.detail().contains("wrong password"), failure.detail());
        assertFalse(failure.detail().contains("not-her-password"), failure.detail());
        assertEquals(
                "anonymous",
                onlyOne(trail.entries("login.failed", "anonymous"), "no name").actor());
    }

    @Test
    void aResetPasswordHoldsTheAccountUntilItsHolderChangesIt() {
        String name = TestAccounts.ensure(unique("frank"), "operator");
        asAdmin()
                .contentType("application/json")
                .body(Map.of("password", "given-by-admin-789"))
                .post("/api/users/{name}/password", name)
                .then()
                .statusCode(200);

        given().auth()
                .preemptive()
                .basic(name, "given-by-admin-789")
                .get("/api/occurrences")
                .then()
                .statusCode(403)
                .body("detail", equalTo("change the generated password first at /account/password"));
        given().auth()
                .preemptive()
                .basic(name, "given-by-admin-789")
                .redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", endsWithPath("/account/password"));
        given().auth()
                .preemptive()
                .basic(name, "given-by-admin-789")
                .get("/account/password")
                .then()
                .statusCode(200)
                .body(containsString("Choose your"));

        AuditMark trail = AuditMark.from(log);
        given().auth()
                .preemptive()
                .basic(name, "given-by-admin-789")
                .contentType("application/json")
                .body(Map.of("current", "given-by-admin-789", "password", "given-by-admin-789"))
                .post("/api/account/password")
                .then()
                .statusCode(422);
        given().auth()
                .preemptive()
                .basic(name, "given-by-admin-789")
                .contentType("application/json")
                .body(Map.of("current", "given-by-admin-789", "password", "chosen-by-frank-1"))
                .post("/api/account/password")
                .then()
                .statusCode(204);

        given().auth()
                .preemptive()
                .basic(name, "chosen-by-frank-1")
                .get("/api/occurrences")
                .then()
                .statusCode(200);
        assertEquals(
                name,
                onlyOne(trail.entries("user.password.changed", name), "the change")
                        .actor());
    }

    @Test
    void anApiTokenIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked() {
        String name = TestAccounts.ensure(unique("grace"), "viewer");
        AuditMark trail = AuditMark.from(log);
        Response created = TestAccounts.as(name)
                .contentType("application/json")
                .body(Map.of("name", "nightly script"))
                .post("/api/account/tokens");
        created.then()
                .statusCode(201)
                .body("token", startsWith(TokenHash.PREFIX))
                .body("name", equalTo("nightly script"));
        String token = created.jsonPath().getString("token");
        int id = created.jsonPath().getInt("id");

        given().header("Authorization", "Bearer " + token)
                .get("/api/occurrences")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + token)
                .get("/api/audit")
                .then()
                .statusCode(403);
        TestAccounts.as(name)
                .get("/api/account/tokens")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("[0].token", nullValue())
                .body(not(containsString(token)));
        String stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>findById((long) id).tokenHash);
        assertEquals(TokenHash.of(token), stored);

        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .delete("/api/account/tokens/{id}", id)
                .then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + token)
                .get("/api/occurrences")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer rounds_never-issued")
                .get("/api/occurrences")
                .then()
                .statusCode(401);

        assertEquals(
                name, onlyOne(trail.entries("token.created", name), "the token").actor());
        assertEquals(
                name,
                onlyOne(trail.entries("token.revoked", name), "the revocation").actor());
        assertTrue(onlyOne(trail.entries("login.failed", name), "the revoked token")
                .detail()
                .contains("revoked"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String name = unique("mallory");
        asAdmin()
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", name)
                .formParam("password", "forged-password-1")
                .formParam("roles", "admin")
                .post("/admin/users")
                .then()
                .statusCode(400)
                .body("title", equalTo("CSRF token refused"))
                .body("detail", containsString("reload the page"));
        String csrf = given().get("/login").then().extract().cookie("csrf-token");
        asAdmin()
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf)
                .formParam("csrf-token", "not-the-cookie-value-at-all-000000000000000")
                .formParam("username", name)
                .formParam("password", "forged-password-1")
                .formParam("roles", "admin")
                .post("/admin/users")
                .then()
                .statusCode(400)
                .body("title", equalTo("CSRF token refused"));

        asAdmin().get("/api/users").then().statusCode(200).body("username", not(hasItem(name)));
    }

    @Test
    void theLoginFormStartsASessionAndLogoutEndsIt() {
        String name = TestAccounts.ensure(unique("heidi"), "viewer");
        Response loginPage = given().get("/login");
        String csrf = loginPage.cookie("csrf-token");
        assertTrue(loginPage.asString().contains("value=\"" + csrf + "\""), "the form carries the cookie's token");

        Response login = given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("j_username", name)
                .formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(302);
        String session = login.cookie("quarkus-credential");
        assertTrue(session != null && !session.isEmpty(), "a session cookie");
        String setCookie = String.join("\n", login.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Lax"), setCookie);

        String key = login.cookie(SessionKeys.COOKIE);
        assertTrue(key != null && !key.isEmpty(), "the account's session key");
        given().cookie("quarkus-credential", session)
                .cookie(SessionKeys.COOKIE, key)
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("Log out"));
        given().cookie("quarkus-credential", session)
                .cookie(SessionKeys.COOKIE, key)
                .get("/api/occurrences")
                .then()
                .statusCode(200);
        given().cookie("quarkus-credential", session)
                .cookie(SessionKeys.COOKIE, key)
                .get("/api/audit")
                .then()
                .statusCode(403);

        Response logout = given().redirects()
                .follow(false)
                .cookie("quarkus-credential", session)
                .cookie(SessionKeys.COOKIE, key)
                .cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .post("/logout");
        logout.then().statusCode(303);
        assertTrue(
                logout.headers().getValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("quarkus-credential=;") && c.contains("Max-Age=0")),
                "the cookie is dropped");
    }

    /** Logs in through the form as a browser would; the session's cookies. */
    private static Map<String, String> formLogin(String name, String password) {
        String csrf = given().get("/login").cookie("csrf-token");
        Response login = given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("j_username", name)
                .formParam("j_password", password)
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", not(containsString("error")));
        return new HashMap<>(login.cookies());
    }

    /** A session's cookies with what a response set: the browser's cookie jar. */
    private static Map<String, String> after(Map<String, String> cookies, Response response) {
        var jar = new HashMap<>(cookies);
        jar.putAll(response.cookies());
        return jar;
    }

    private static void sessionWorks(Map<String, String> session) {
        given().cookies(session)
                .redirects()
                .follow(false)
                .get("/api/occurrences")
                .then()
                .statusCode(200);
    }

    /** An ended session is asked to log in again: the page redirects to the login form, the API refuses. */
    private static void sessionEnded(Map<String, String> session) {
        given().cookies(session)
                .redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(302)
                .header("Location", endsWithPath("/login"));
        int api = given().cookies(session)
                .redirects()
                .follow(false)
                .get("/api/occurrences")
                .statusCode();
        assertTrue(api == 401 || api == 302, "the API answered " + api);
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsAndKeepsTheOneThatMadeIt() {
        String name = TestAccounts.ensure(unique("judy"), "viewer");
        Response created = TestAccounts.as(name)
                .contentType("application/json")
                .body(Map.of("name", "backup script"))
                .post("/api/account/tokens");
        String token = created.jsonPath().getString("token");
        Map<String, String> laptop = formLogin(name, TestAccounts.PASSWORD);
        Map<String, String> phone = formLogin(name, TestAccounts.PASSWORD);
        sessionWorks(laptop);
        sessionWorks(phone);

        Response changed = given().cookies(laptop)
                .contentType("application/json")
                .body(Map.of("current", TestAccounts.PASSWORD, "password", "judys-new-password-1"))
                .post("/api/account/password");
        changed.then().statusCode(204);

        sessionWorks(after(laptop, changed));
        sessionEnded(phone);
        sessionEnded(laptop);
        // An API token is a credential of its own: a password change keeps it; revoking it is separate.
        given().header("Authorization", "Bearer " + token)
                .get("/api/occurrences")
                .then()
                .statusCode(200);
        sessionWorks(formLogin(name, "judys-new-password-1"));
    }

    @Test
    void thePasswordPageEndsTheOtherSessionsToo() {
        String name = TestAccounts.ensure(unique("kim"), "viewer");
        Map<String, String> laptop = formLogin(name, TestAccounts.PASSWORD);
        Map<String, String> phone = formLogin(name, TestAccounts.PASSWORD);
        String csrf = given().cookies(laptop).get("/account/password").cookie("csrf-token");
        laptop.put("csrf-token", csrf);

        Response changed = given().cookies(laptop)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("current", TestAccounts.PASSWORD)
                .formParam("password", "kims-new-password-1")
                .formParam("confirm", "kims-new-password-1")
                .post("/account/password");
        changed.then().statusCode(303);

        sessionWorks(after(laptop, changed));
        sessionEnded(phone);
    }

    @Test
    void anAdminsResetARoleChangeAndDisablingEndTheAccountsSessions() {
        String name = TestAccounts.ensure(unique("leo"), "viewer");
        Map<String, String> before = formLogin(name, TestAccounts.PASSWORD);
        asAdmin()
                .contentType("application/json")
                .body(Map.of("roles", List.of("operator")))
                .put("/api/users/{name}/roles", name)
                .then()
                .statusCode(200);
        sessionEnded(before);

        Map<String, String> afterRoles = formLogin(name, TestAccounts.PASSWORD);
        sessionWorks(afterRoles);
        asAdmin()
                .contentType("application/json")
                .body(Map.of("password", "reset-by-admin-4242"))
                .post("/api/users/{name}/password", name)
                .then()
                .statusCode(200);
        sessionEnded(afterRoles);

        given().auth()
                .preemptive()
                .basic(name, "reset-by-admin-4242")
                .contentType("application/json")
                .body(Map.of("current", "reset-by-admin-4242", "password", TestAccounts.PASSWORD))
                .post("/api/account/password")
                .then()
                .statusCode(204);
        String token = TestAccounts.as(name)
                .contentType("application/json")
                .body(Map.of("name", "cron"))
                .post("/api/account/tokens")
                .jsonPath()
                .getString("token");
        Map<String, String> afterReset = formLogin(name, TestAccounts.PASSWORD);
        sessionWorks(afterReset);
        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/disable", name)
                .then()
                .statusCode(200);
        sessionEnded(afterReset);
        // Disabling refuses the account's API tokens as well.
        given().header("Authorization", "Bearer " + token)
                .get("/api/occurrences")
                .then()
                .statusCode(401);
    }

    @Test
    void aLoginFormWithoutItsCsrfTokenIsRefusedAndAudited() {
        String name = TestAccounts.ensure(unique("ivan"), "viewer");
        AuditMark trail = AuditMark.from(log);

        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name)
                .formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .header("Location", endsWithPath("/login?error=failed"))
                .header("Set-Cookie", nullValue());

        assertTrue(onlyOne(trail.entries("login.failed", name), "the forged login")
                .detail()
                .contains("CSRF"));
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }
}
