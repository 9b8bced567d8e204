package dev.rounds.checklist;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rounds.audit.AuditAtStart;
import dev.rounds.audit.AuditEntries;
import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ChainedAuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ChecklistTestProfile.class)
class ChecklistRegistryTest {

    @Inject
    ChecklistRegistry registry;

    @Inject
    ChainedAuditLog audit;

    @Inject
    AuditAtStart start;

    @Inject
    DataSource dataSource;

    @Inject
    LoadedEvents events;

    Path folder;

    /** The audit log's head when the test began. */
    long mark;

    @BeforeEach
    void restoreTheFolder() {
        folder = registry.folder();
        ChecklistTestProfile.restore(folder);
        registry.poll();
        mark = AuditEntries.head(dataSource);
    }

    /** The entries about the checklist configuration since the test began: the rest of Rounds appends too. */
    private List<AuditEntries.Entry> entries() {
        return AuditEntries.after(audit, mark, ChecklistRegistry.SUBJECT);
    }

    private AuditEntries.Entry last() {
        List<AuditEntries.Entry> about = entries();
        return about.get(about.size() - 1);
    }

    @Test
    void startUpLoadedTheFolderAndAuditedTheHashOfEachFile() {
        AuditEntries.Entry first = AuditEntries.after(audit, start.seq(), ChecklistRegistry.SUBJECT).stream()
                .filter(e -> e.action().equals(ChecklistRegistry.LOADED))
                .findFirst()
                .orElseThrow();
        assertEquals(AuditLog.SYSTEM, first.actor());
        assertEquals(ChecklistRegistry.LOADED, first.action());
        assertEquals("checklists", first.subject());
        assertEquals(Map.of("files", ChecklistLoader.fileHashes(ChecklistTestProfile.FIXTURE)), first.detail());

        ChecklistsLoaded atStartUp = events.all().get(0);
        assertNull(atStartUp.previous());
        assertEquals(
                List.of("daily", "weekly"),
                atStartUp.current().checklists().stream().map(Checklist::id).toList());
    }

    @Test
    void aReloadWithProblemsKeepsTheConfigurationInForceAndAnswers422WithEveryProblem() throws Exception {
        ChecklistSet before = registry.current();
        Files.writeString(
                folder.resolve("daily.yaml"),
                Files.readString(folder.resolve("daily.yaml"))
                        .replace("cadence: daily", "cadence: fortnightly")
                        .replace("target: rounds-self", "target: rounds-elf"));

        asAdmin()
                .contentType("application/json")
                .when()
                .post("/api/checklists/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(ChecklistResource.INVALID_TYPE))
                .body("title", equalTo("checklists not reloaded"))
                .body(
                        "problems",
                        contains(
                                "daily.yaml:3:10: unknown cadence 'fortnightly'; use daily, weekly, monthly, quarterly or \"rrule: …\"",
                                "daily.yaml:12:17: unknown target 'rounds-elf' (did you mean 'rounds-self'?)"));

        assertSame(before, registry.current());
        AuditEntries.Entry rejected = last();
        assertEquals(ChecklistRegistry.REJECTED, rejected.action());
        assertEquals("admin", rejected.actor());
        assertEquals(
                List.of(
                        "daily.yaml:3:10: unknown cadence 'fortnightly'; use daily, weekly, monthly, quarterly or \"rrule: …\"",
                        "daily.yaml:12:17: unknown target 'rounds-elf' (did you mean 'rounds-self'?)"),
                rejected.detail().get("problems"));
    }

    @Test
    void aValidReloadPutsTheNewConfigurationInForceAuditsItAndAnnouncesIt() throws Exception {
        ChecklistSet before = registry.current();
        Files.writeString(
                folder.resolve("daily.yaml"),
                Files.readString(folder.resolve("daily.yaml"))
                        .replace("title: Daily maintenance", "title: Daily rounds"));
        String newHash = ChecklistLoader.fileHashes(folder).get("daily.yaml");

        asAdmin()
                .contentType("application/json")
                .when()
                .post("/api/checklists/reload")
                .then()
                .statusCode(200)
                .body("files.'daily.yaml'", equalTo(newHash))
                .body("files.'inventory.yaml'", equalTo(before.inventory().sha256()));

        assertEquals(
                "Daily rounds",
                registry.current().checklist("daily").orElseThrow().title());
        assertEquals(
                newHash, registry.current().checklist("daily").orElseThrow().sha256());
        AuditEntries.Entry loaded = last();
        assertEquals(ChecklistRegistry.LOADED, loaded.action());
        assertEquals(Map.of("files", ChecklistLoader.fileHashes(folder)), loaded.detail());
        ChecklistsLoaded event = events.all().get(events.all().size() - 1);
        assertSame(before, event.previous());
        assertSame(registry.current(), event.current());
    }

    @Test
    void pollingReloadsOnlyWhenAFileWasAddedChangedOrBroken() throws Exception {
        int entries = entries().size();
        registry.poll();
        assertEquals(entries, entries().size(), "nothing changed, nothing reloaded");

        Files.writeString(
                folder.resolve("weekly.yml"), "# reviewed\n" + Files.readString(folder.resolve("weekly.yml")));
        registry.poll();
        assertEquals(entries + 1, entries().size());
        assertEquals(ChecklistRegistry.LOADED, last().action());
        registry.poll();
        assertEquals(entries + 1, entries().size());

        Files.writeString(folder.resolve("monthly.yaml"), "id: monthly\n");
        registry.poll();
        assertEquals(entries + 2, entries().size());
        assertEquals(ChecklistRegistry.REJECTED, last().action());
        assertEquals(AuditLog.SYSTEM, last().actor());
        registry.poll();
        assertEquals(entries + 2, entries().size(), "a folder rejected once is not rejected again until it changes");
        assertEquals(
                List.of("daily", "weekly"),
                registry.current().checklists().stream().map(Checklist::id).toList());
    }

    @Test
    void listsTheChecklistsInForce() {
        ChecklistSet set = registry.current();
        asAdmin()
                .when()
                .get("/api/checklists")
                .then()
                .statusCode(200)
                .body("id", contains("daily", "weekly"))
                .body("[0].title", equalTo("Daily maintenance"))
                .body("[0].cadence", equalTo("daily"))
                .body("[0].due", equalTo("10h"))
                .body("[0].timezone", equalTo("Europe/London"))
                .body("[0].file", equalTo("daily.yaml"))
                .body("[0].sha256", equalTo(set.checklist("daily").orElseThrow().sha256()))
                .body("[0].activities.id", contains("services-up", "hosts-reachable", "incident-tickets"))
                .body("[0].activities[0].signoff", equalTo("on-failure"))
                .body("[0].activities[0].probes[0].expect", hasItem("response_time < 500ms"))
                .body("[0].activities[0].probes[0].every", equalTo("1m"))
                .body("[0].activities[1].due", equalTo("9h"))
                .body("[0].activities[1].probes[0].targets", contains("host01", "host02"))
                .body("[0].activities[1].probes[0].timeout", nullValue())
                .body("[1].activities[1].enabled", equalTo(false))
                .body("[1].activities[1].pausedReason", equalTo("patch freeze until the audit ends"));
    }

    @Test
    void publishesTheJsonSchemasForEditors() {
        asAdmin()
                .when()
                .get("/schema/checklist.schema.json")
                .then()
                .statusCode(200)
                .body("'$schema'", equalTo("https://json-schema.org/draft/2020-12/schema"));
        asAdmin()
                .when()
                .get("/schema/inventory.schema.json")
                .then()
                .statusCode(200)
                .body("'$schema'", equalTo("https://json-schema.org/draft/2020-12/schema"));
    }
}
