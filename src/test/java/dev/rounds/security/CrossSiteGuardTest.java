package dev.rounds.security;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A browser on another site cannot make a logged-in operator's browser change anything. */
@QuarkusTest
class CrossSiteGuardTest {

    @Test
    void aCrossSitePostWithoutABodyIsRefusedBeforeItRuns() {
        asAdmin()
                .contentType("application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .post("/api/activities/daily/services-up/run")
                .then()
                .statusCode(403)
                .body("title", equalTo("cross-site request refused"));
        asAdmin()
                .contentType("application/json")
                .header("Origin", "https://evil.example")
                .post("/api/activities/daily/services-up/run")
                .then()
                .statusCode(403);
        asAdmin()
                .contentType("application/json")
                .header("Origin", "null")
                .post("/api/activities/daily/services-up/run")
                .then()
                .statusCode(403);
    }

    @Test
    void theSameSiteAndClientsThatAreNotBrowsersGetThrough() {
        asAdmin()
                .contentType("application/json")
                .header("Sec-Fetch-Site", "same-origin")
                .post("/api/activities/daily/services-up/run")
                .then()
                .statusCode(202);
        asAdmin()
                .contentType("application/json")
                .post("/api/activities/daily/services-up/run")
                .then()
                .statusCode(202);
        asAdmin()
                .header("Sec-Fetch-Site", "cross-site")
                .get("/api/occurrences")
                .then()
                .statusCode(200);
    }
}
