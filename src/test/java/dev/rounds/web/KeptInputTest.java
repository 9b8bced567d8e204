package dev.rounds.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Logins;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.signoff.PeopleChecklists;
import dev.rounds.signoff.PeopleOccurrences;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refused form comes back holding what was typed, escaped as any text on a page: odd scripts, a markup attempt,
 * quotes. Passwords are never sent back.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class KeptInputTest {

    private static final String CHECKLIST = "kept-input";
    private static final PeopleOccurrences PEOPLE = new PeopleOccurrences(CHECKLIST);
    private static final String OPERATOR = "kept-operator";

    /** Text no form should lose or let loose: astral, right-to-left and combining characters, markup and quotes. */
    static final String ODD = "Checked 𝔸𝔹 ✓ שלום e\u0301 \"quoted\" & <script>alert('x')</script>";

    /** {@link #ODD} as a page must carry it: escaped, never as markup. */
    static final String ODD_ESCAPED =
            "Checked 𝔸𝔹 ✓ שלום e\u0301 &quot;quoted&quot; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    @Inject
    ScheduleService schedule;

    @BeforeAll
    static void checklists() {
        PeopleChecklists.use(CHECKLIST);
    }

    /** Made on first use; RestAssured knows the application's port only once a test runs. */
    @BeforeEach
    void accounts() {
        TestAccounts.ensure(OPERATOR, "operator");
    }

    private static void keepsOdd(String page) {
        assertTrue(page.contains(ODD_ESCAPED), "what was typed, escaped:\n" + page);
        assertFalse(page.contains("<script>alert"), "never as markup");
    }

    @Test
    void aRefusedSignOffKeepsTheNoteReferenceAndLink() {
        Occurrence o = PEOPLE.of(schedule, "form");
        Response refused = PageForm.from(OPERATOR, "/occurrences/" + o.id, true)
                .multiPart(PageForm.text("note", ODD))
                .multiPart(PageForm.text("reference", "CHG-7 ✓"))
                .multiPart(PageForm.text("link", "ftp://example.org/ticket"))
                .post("/occurrences/{id}", o.id);
        assertEquals(422, refused.statusCode(), refused.asString());
        String page = refused.asString();
        keepsOdd(page);
        assertTrue(page.contains("value=\"CHG-7 ✓\""), "the reference");
        assertTrue(page.contains("value=\"ftp://example.org/ticket\""), "the link");
        assertNull(PEOPLE.latest("form").signedOffAt);
    }

    @Test
    void aRefusedSignOffWithAFileAsksForTheFileAgain() {
        Occurrence o = PEOPLE.of(schedule, "form-big");
        String page = PageForm.from(OPERATOR, "/occurrences/" + o.id, true)
                .multiPart(PageForm.text("note", "   "))
                .multiPart("file", "evidence.txt", "some evidence".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(page.contains("Choose the evidence file again"), page);
    }

    @Test
    void aRefusedChangeRequestKeepsEveryField() {
        String page = PageForm.from(OPERATOR, "/changes", false)
                .formParam("title", ODD)
                .formParam("description", "Replace the disk ✓\nsecond line")
                .formParam("target", "web")
                .formParam("activity", CHECKLIST + "/form")
                .formParam("plannedStart", "2026-04-01T20:00")
                .formParam("plannedEnd", "not a time")
                .post("/changes")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        keepsOdd(page);
        assertTrue(page.contains(">Replace the disk ✓\nsecond line</textarea>"), "the description");
        assertTrue(page.contains("value=\"web\""), "the target");
        assertTrue(page.contains("value=\"" + CHECKLIST + "/form\""), "the activity");
        assertTrue(page.contains("value=\"2026-04-01T20:00\""), "the planned start");
        assertTrue(page.contains("value=\"not a time\""), "the planned end, to correct");
    }

    @Test
    void aRefusedWaiverRequestKeepsTheActivityReasonAndDate() {
        String page = PageForm.from(OPERATOR, "/waivers", false)
                .formParam("activity", CHECKLIST + "/rights")
                .formParam("reason", ODD)
                .formParam("expires", "31/12/2026")
                .post("/waivers")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        keepsOdd(page);
        assertTrue(page.contains("<option value=\"" + CHECKLIST + "/rights\" selected>"), "the activity chosen");
        assertTrue(page.contains("value=\"31/12/2026\""), "the date, to correct");
    }

    @Test
    void aRefusedNewUserKeepsTheNameAndRolesButNotThePassword() {
        String page = PageForm.from(Logins.ADMIN, "/admin/users", false)
                .formParam("username", "Not A Valid Name")
                .formParam("password", "a-password-never-shown")
                .formParam("roles", "operator")
                .formParam("roles", "auditor")
                .post("/admin/users")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(page.contains("value=\"Not A Valid Name\""), page);
        assertTrue(page.contains("<input type=\"checkbox\" name=\"roles\" value=\"operator\" checked>"));
        assertTrue(page.contains("<input type=\"checkbox\" name=\"roles\" value=\"auditor\" checked>"));
        assertFalse(page.contains("a-password-never-shown"), "never a password");
    }

    @Test
    void aRefusedTokenKeepsItsName() {
        String name = "x".repeat(101);
        String page = PageForm.from(OPERATOR, "/account/tokens", false)
                .formParam("name", name)
                .post("/account/tokens")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(page.contains("value=\"" + name + "\""), page);
    }
}
