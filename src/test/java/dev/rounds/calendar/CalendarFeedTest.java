package dev.rounds.calendar;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.AuditTrail;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.core.Roles;
import dev.rounds.schedule.Occurrence;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calendar feeds over real HTTP: a person makes a calendar token on their account page, subscribes to the
 * addresses it shows, and the feeds, parsed back with iCal4j, hold the due times of the checklists in force, computed
 * here independently from the test clock across London's spring-forward night.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class CalendarFeedTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The default horizon, {@code rounds.calendar.horizon}. */
    private static final int HORIZON_DAYS = 60;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(Map.of(
                "inventory.yaml",
                "targets: []\n",
                "calfeed-daily.yaml",
                """
                id: calfeed-daily
                title: Night shift daily
                cadence: daily
                due: 10h
                timezone: Europe/London
                owner: night-shift
                activities:
                  - id: review
                    title: Review the overnight alerts
                    guidance: Look at every page sent since yesterday.
                    signoff: always
                  - id: tapes
                    title: Check the tape library
                    signoff: always
                    enabled: false
                    reason: library decommissioned
                """,
                "calfeed-weekly.yaml",
                """
                id: calfeed-weekly
                title: Night shift weekly
                cadence: weekly
                due: 4d17h
                timezone: Europe/London
                owner: night-shift
                activities:
                  - id: ops-review
                    title: Hold the weekly operations review
                    signoff: always
                """,
                "calfeed-patch.yaml",
                """
                id: calfeed-patch
                title: Patch day
                cadence: "rrule: FREQ=MONTHLY;BYDAY=2TU"
                due: 18h
                timezone: Europe/London
                owner: patching
                activities:
                  - id: apply
                    title: Apply the month's patches
                    signoff: always
                """,
                "calfeed-other.yaml",
                """
                id: calfeed-other
                title: Day shift daily
                cadence: daily
                due: 12h
                timezone: Europe/London
                owner: day-shift
                activities:
                  - id: desk
                    title: Tidy the desk
                    signoff: always
                """));
    }

    @Test
    void theChecklistFeedHoldsEachDailyDueTimeUpToTheHorizon() throws Exception {
        Map<String, String> feeds = FeedAddresses.newToken("calendar-daily");
        Response answer = given().get(feeds.get("checklist Night shift daily"));
        answer.then().statusCode(200).header("Content-Type", equalTo("text/calendar;charset=utf-8"));
        Calendar calendar = parse(answer.asString());

        assertTrue(answer.asString().contains("\r\nDTSTART:20260328T100000Z\r\n"), "due instants are written in UTC");
        assertEquals("Rounds: Night shift daily", property(calendar, "X-WR-CALNAME"));
        assertEquals(expectedDaily(), dueTimes(calendar));
        VEvent first = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertEquals("Review the overnight alerts", value(first, "SUMMARY"));
        assertTrue(value(first, "DESCRIPTION").startsWith("Look at every page sent since yesterday."));
        assertEquals("TRANSPARENT", value(first, "TRANSP"));
        assertTrue(
                value(first, "URL").endsWith("/occurrences/" + occurrenceId("calfeed-daily", "review", "2026-03-28")));
    }

    @Test
    void theOwnerFeedHoldsEveryChecklistOfTheOwnerAndNoOther() throws Exception {
        Map<String, String> feeds = FeedAddresses.newToken("calendar-owner");
        Calendar calendar = parse(given().get(feeds.get("owner night-shift"))
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertEquals("Rounds: night-shift", property(calendar, "X-WR-CALNAME"));
        Map<String, Instant> expected = new LinkedHashMap<>(expectedDaily());
        expected.putAll(expectedWeekly());
        assertEquals(expected, dueTimes(calendar));
        assertEquals(9, expectedWeekly().size());
    }

    /**
     * A calendar rule's due times: the period in progress began on the second Tuesday of March and is this
     * activity's first, opened after its usual due time, so due at its end (Tuesday 14 April, 00:00 in London); then
     * 18:00 in London (BST) on the second Tuesdays of April and May, inside the 60 days.
     */
    @Test
    void aRuleChecklistsFeedHoldsItsDatesDueTimes() throws Exception {
        Map<String, String> feeds = FeedAddresses.newToken("calendar-rule");
        Calendar calendar = parse(given().get(feeds.get("owner patching"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(
                Map.of(
                        "calfeed-patch/apply/2026-03-10@rounds", Instant.parse("2026-04-13T23:00:00Z"),
                        "calfeed-patch/apply/2026-04-14@rounds", Instant.parse("2026-04-14T17:00:00Z"),
                        "calfeed-patch/apply/2026-05-12@rounds", Instant.parse("2026-05-12T17:00:00Z")),
                dueTimes(calendar));
    }

    @Test
    void anOccurrenceDoneThisPeriodIsMarkedDone() throws Exception {
        Map<String, String> feeds = FeedAddresses.newToken("calendar-done");
        TestAccounts.as("calendar-operator", Roles.OPERATOR)
                .contentType("application/json")
                .body(Map.of("note", "all quiet"))
                .post("/api/occurrences/{id}/signoff", occurrenceId("calfeed-other", "desk", "2026-03-28"))
                .then()
                .statusCode(201);

        Calendar calendar = parse(given().get(feeds.get("owner day-shift")).asString());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals("Done: Tidy the desk", value(events.get(0), "SUMMARY"));
        assertEquals("calfeed-other/desk/2026-03-28@rounds", value(events.get(0), "UID"));
        assertEquals("Tidy the desk", value(events.get(1), "SUMMARY"));
    }

    @Test
    void aReplacedOrRevokedTokenOpensNoFeed() {
        String user = TestAccounts.ensure("calendar-revoker", Roles.VIEWER);
        String first = FeedAddresses.newToken(user).get("checklist Night shift daily");
        String second = FeedAddresses.newToken(user).get("checklist Night shift daily");
        given().get(first).then().statusCode(404).contentType("application/problem+json");
        given().get(second).then().statusCode(200);

        FeedAddresses.post(user, "/account/calendar/revoke").then().statusCode(303);
        given().get(second)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("unknown or revoked"));
        assertEquals(
                2, AuditTrail.actorsOf("login.failed", user).size(), "each refusal is a failed login of its holder");
        assertEquals(List.of(user, user), AuditTrail.actorsOf("calendar.token.created", user), "made, then replaced");
        assertEquals(List.of(user), AuditTrail.actorsOf("calendar.token.revoked", user));
    }

    @Test
    void aDisabledAccountsTokenOpensNoFeed() {
        String user = TestAccounts.ensure("calendar-disabled", Roles.VIEWER);
        String feed = FeedAddresses.newToken(user).get("owner night-shift");
        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/disable", user)
                .then()
                .statusCode(200);
        given().get(feed).then().statusCode(404);
        asAdmin()
                .contentType("application/json")
                .post("/api/users/{name}/enable", user)
                .then()
                .statusCode(200);
        given().get(feed).then().statusCode(200);
    }

    @Test
    void aBadTokenTellsNothingOfWhatTheAddressNames() {
        String known = given().get("/calendar/checklists/calfeed-daily.ics?token=rounds_cal_nonsense")
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        String unknown = given().get("/calendar/checklists/no-such-checklist.ics?token=rounds_cal_nonsense")
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        assertEquals(known, unknown);
        given().get("/calendar/owners/night-shift.ics").then().statusCode(404).body("detail", equalTo(known));
    }

    @Test
    void aGoodTokenIsToldOfAnUnknownChecklistOrOwner() {
        String token =
                FeedAddresses.token(FeedAddresses.newToken("calendar-unknown").get("owner night-shift"));
        given().get("/calendar/owners/nobody.ics?token=" + token)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("not found"))
                .body("detail", containsString("no checklist has the owner 'nobody'"));
        given().get("/calendar/checklists/no-such.ics?token=" + token)
                .then()
                .statusCode(404)
                .body("detail", containsString("no checklist 'no-such'"));
    }

    @Test
    void aCalendarTokenOpensNothingButTheFeeds() {
        String token =
                FeedAddresses.token(FeedAddresses.newToken("calendar-api").get("owner night-shift"));
        assertTrue(token.startsWith("rounds_cal_"));
        given().auth().oauth2(token).get("/api/checklists").then().statusCode(401);
        given().get("/api/checklists?token=" + token).then().statusCode(401);
        given().redirects()
                .follow(false)
                .get("/account/calendar?token=" + token)
                .then()
                .statusCode(302);
    }

    /** The daily review's due times: 10:00 in London each day from today until the horizon (the tapes are paused). */
    private static Map<String, Instant> expectedDaily() {
        Map<String, Instant> due = new LinkedHashMap<>();
        Instant now = TestClock.START;
        Instant horizon = now.plus(Duration.ofDays(HORIZON_DAYS));
        for (LocalDate day = now.atZone(LONDON).toLocalDate(); ; day = day.plusDays(1)) {
            Instant at = day.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
            if (!at.isBefore(horizon)) return due;
            due.put("calfeed-daily/review/" + day + "@rounds", at);
        }
    }

    /**
     * The weekly review's due times: Friday 17:00 in London until the horizon; but this ISO week's occurrence, the
     * activity's first, opened on Saturday after that Friday, is due by the end of its week.
     */
    private static Map<String, Instant> expectedWeekly() {
        Map<String, Instant> due = new LinkedHashMap<>();
        Instant now = TestClock.START;
        Instant horizon = now.plus(Duration.ofDays(HORIZON_DAYS));
        LocalDate thisWeek = now.atZone(LONDON).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate monday = thisWeek; ; monday = monday.plusWeeks(1)) {
            Instant at = monday.equals(thisWeek)
                    ? monday.plusWeeks(1).atStartOfDay(LONDON).toInstant()
                    : monday.plusDays(4).atTime(17, 0).atZone(LONDON).toInstant();
            if (!at.isBefore(horizon)) return due;
            String label = String.format(
                    "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            due.put("calfeed-weekly/ops-review/" + label + "@rounds", at);
        }
    }

    private static long occurrenceId(String checklist, String activity, String period) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.findFor(checklist, activity, period).orElseThrow().id);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static Map<String, Instant> dueTimes(Calendar calendar) {
        Map<String, Instant> due = new LinkedHashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            Optional<DtStart<Instant>> start = event.getStartDate();
            due.put(value(event, "UID"), Instant.from(start.orElseThrow().getDate()));
        }
        return due;
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }
}
