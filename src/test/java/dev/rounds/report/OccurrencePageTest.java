package dev.rounds.report;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rounds.TestAccounts;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Signing off from the web page, as an operator's browser would, with and without the CSRF token. */
@QuarkusTest
class OccurrencePageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /**
     * A manual occurrence of the default pack that waits for a sign-off this week: weekly reviews stay manual,
     * while the daily ticket rows now have probes that must pass before a sign-off.
     */
    private Occurrence manualOccurrence(String activity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.<Occurrence>find(
                                "checklistId = 'weekly' and activityId = ?1 order by periodStart desc", activity)
                        .firstResult());
    }

    /** Opens the occurrence page as a browser would and posts its multipart form with the page's CSRF token. */
    private ValidatableResponse postForm(long occurrenceId, String note) {
        Response page = asAdmin().get("/occurrences/{id}", occurrenceId);
        page.then().statusCode(200).body(containsString("Sign off"));
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");
        return asAdmin()
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .multiPart("csrf-token", token.group(1))
                .multiPart("note", note)
                .redirects()
                .follow(false)
                .post("/occurrences/{id}", occurrenceId)
                .then();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Occurrence before = manualOccurrence("sla-review");
        asAdmin()
                .multiPart("note", "forged")
                .post("/occurrences/{id}", before.id)
                .then()
                .statusCode(400);
        Occurrence after = manualOccurrence("sla-review");
        assertNull(after.signedOffAt);
        assertEquals(before.status, after.status);
    }

    @Test
    void anOperatorSignsOffThroughTheFormAndSeesItOnThePage() {
        Occurrence o = manualOccurrence("change-review");
        postForm(o.id, "every change of the week is in the change log").statusCode(303);

        Occurrence signed = manualOccurrence("change-review");
        assertEquals("admin", signed.signedOffBy);
        assertEquals(
                true,
                signed.status == OccurrenceStatus.DONE || signed.status == OccurrenceStatus.LATE,
                "signed off is done before due, late after: " + signed.status);
        asAdmin()
                .get("/occurrences/{id}", o.id)
                .then()
                .statusCode(200)
                .body(containsString("every change of the week is in the change log"));
    }

    @Test
    void thePageNamesTheControlsTheActivityIsEvidenceFor() {
        Occurrence o = manualOccurrence("change-review");
        var controls = org.jsoup.Jsoup.parse(asAdmin()
                        .get("/occurrences/{id}", o.id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .select("p.controls code");
        assertEquals(
                java.util.List.of("nist-800-53r5:CM-3", "iso27001-2022:A.8.32", "soc2-2017:CC8.1"),
                controls.eachText());
        assertEquals("Configuration Change Control", controls.get(0).attr("title"));
    }

    @Test
    void aBlankNoteIsAnErrorOnThePageAndNothingIsRecorded() {
        // any weekly row nobody has signed off yet: the browser tests, sharing this application, sign off one
        String activity = Stream.of("monitoring-alerts", "consumption-reports", "monitoring-review-with-team")
                .filter(a -> manualOccurrence(a).signedOffAt == null)
                .findFirst()
                .orElseThrow();
        Occurrence o = manualOccurrence(activity);
        postForm(o.id, "   ").statusCode(422).body(containsString("Write a note saying what was checked."));
        assertNull(manualOccurrence(activity).signedOffAt);
    }

    @Test
    void aViewerPostingTheFormsGetsTheRefusedRolePageAndNothingIsRecorded() {
        Occurrence o = manualOccurrence("sla-review");
        String csrf = asAdmin()
                .get("/occurrences/{id}", o.id)
                .then()
                .statusCode(200)
                .extract()
                .cookie("csrf-token");
        TestAccounts.as("occurrence-viewer", "viewer")
                .accept("text/html")
                .redirects()
                .follow(false)
                .cookie("csrf-token", csrf)
                .multiPart("csrf-token", csrf)
                .multiPart("note", "not mine to sign")
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("roles do not allow POST"));
        TestAccounts.as("occurrence-viewer", "viewer")
                .accept("text/html")
                .redirects()
                .follow(false)
                .cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("probe", "weekly/none#0@none")
                .formParam("reason", "r")
                .formParam("until", "2099-01-01T00:00")
                .post("/occurrences/{id}/acknowledgements", o.id)
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("roles do not allow POST"));
        assertNull(manualOccurrence("sla-review").signedOffAt);
    }
}
