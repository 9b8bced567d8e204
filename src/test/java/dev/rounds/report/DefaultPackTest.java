package dev.rounds.report;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The application as shipped: the real default pack from checklists/, on H2. */
@QuarkusTest
class DefaultPackTest {

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @Test
    void theDefaultPackLoadsWithEveryCadence() {
        asAdmin()
                .get("/api/checklists")
                .then()
                .statusCode(200)
                .body("id", hasItems("daily", "weekly", "monthly", "quarterly"))
                .body("find { it.id == 'daily' }.activities.size()", equalTo(15))
                .body("find { it.id == 'weekly' }.activities.size()", equalTo(7))
                .body("find { it.id == 'monthly' }.activities.size()", equalTo(7))
                .body("find { it.id == 'quarterly' }.activities.size()", equalTo(1))
                .body(
                        "find { it.id == 'quarterly' }.activities[0].controls",
                        equalTo(java.util.List.of(
                                "nist-800-53r5:CP-4",
                                "nist-800-53r5:CP-10",
                                "iso27001-2022:A.5.30",
                                "soc2-2017:A1.3")));
    }

    @Test
    void theChecklistsPageShowsEachActivitysControlsAndTheCatalogs() {
        var page = org.jsoup.Jsoup.parse(
                asAdmin().get("/checklists").then().statusCode(200).extract().asString());
        var backups = page.select("#activity-daily-backup-review td.controls code");
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of("nist-800-53r5:CP-9", "iso27001-2022:A.8.13", "soc2-2017:A1.2"), backups.eachText());
        org.junit.jupiter.api.Assertions.assertEquals(
                "System Backup", backups.get(0).attr("title"));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of("iso27001-2022 93", "nist-800-53r5 81", "soc2-2017 61"),
                page.select("#frameworks tbody tr").stream()
                        .map(row -> row.id().substring("framework-".length()) + " "
                                + row.select("td").get(1).text())
                        .toList());
    }

    @Test
    void theDashboardShowsTodaysDailyChecklistWithLiveProbeResults() throws InterruptedException {
        String page = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            schedule.tick();
            writer.flush();
            page = asAdmin().get("/").then().statusCode(200).extract().asString();
            // the row of services-up carries a probe line with a verdict once the first result is in
            if (page.matches(
                    "(?s).*Ensure the services the environment needs are running.*?<li><span class=\"status (up|down)\">.*")) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(page.contains("Daily maintenance"), "the daily checklist is on the page");
        assertTrue(
                page.matches(
                        "(?s).*Ensure the services the environment needs are running.*?<li><span class=\"status (up|down)\">.*"),
                "a live result for services-up within 90 s");
    }

    @Test
    void occurrenceGaugesAreExportedForAlerting() {
        schedule.tick();
        asAdmin()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("rounds_occurrences_failing"))
                .body(containsString("rounds_occurrences_overdue"))
                .body(containsString("rounds_occurrences_missed_total"));
    }

    @Test
    void healthIsUpAndOpenWithoutLogin() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void everythingElseNeedsALogin() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", endsWith("/login"));
        given().get("/api/occurrences").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get("/").then().statusCode(401);
        asAdmin().get("/").then().statusCode(200).body(not(containsString("Exception")));
    }
}
