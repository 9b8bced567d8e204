package dev.rounds.text;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.audit.export.BundleProcedure;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random Unicode through every text input: what breaks the rule is a 400 problem naming the field; everything else is
 * stored and read back identical by the sign-offs API, the occurrence page, {@code /api/audit} and the bundle, the
 * compliance CSV still answers, and the chain verifies.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class SuppliedTextPropertyTest {

    private static final long SEED = 20261126L;
    private static final int STRINGS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(TextChecklists.FILES);
    }

    @Inject
    ScheduleService schedule;

    @TempDir
    Path temp;

    /** Text a person may well write: scripts, emoji, 4-byte characters, combining and right-to-left marks. */
    private static final int[][] ALLOWED = {
        {'0', '9'},
        {'A', 'Z'},
        {'a', 'z'},
        {' ', ' '},
        {'(', '/'},
        {'\t', '\n'},
        {0xE0, 0xFF},
        {0x391, 0x3C9},
        {0x5D0, 0x5EA},
        {0x627, 0x64A},
        {0x4E00, 0x4E20},
        {0x300, 0x36F},
        {0x200D, 0x200F},
        {0x202A, 0x202E},
        {0x2028, 0x2029},
        {0xFFFD, 0xFFFD},
        {0x1F600, 0x1F64F},
        {0x1D11E, 0x1D11E},
        {0x20000, 0x20010},
        {0x1F1E6, 0x1F1FF}
    };

    /** What the rule refuses: lone surrogates, NUL, C0 and C1 controls, a lone CR, non-characters. */
    private static final int[][] REFUSED = {
        {0xD800, 0xDBFF},
        {0xDC00, 0xDFFF},
        {0x0, 0x0},
        {0x1, 0x8},
        {0xB, 0xC},
        {0xE, 0x1F},
        {0x7F, 0x9F},
        {'\r', '\r'},
        {0xFFFE, 0xFFFF}
    };

    private static int pick(Random random, int[][] ranges) {
        int[] range = ranges[random.nextInt(ranges.length)];
        return range[0] + random.nextInt(range[1] - range[0] + 1);
    }

    /** Starts and ends with a letter, so that stripping leaves it as it is. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder("a");
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int cp = pick(random, ALLOWED);
            if (cp == '\n' && random.nextBoolean()) text.append('\r');
            text.appendCodePoint(cp);
        }
        if (random.nextInt(2) == 0) {
            int refused = 1 + random.nextInt(2);
            for (int i = 0; i < refused; i++) {
                int at = 1 + random.nextInt(text.length() - 1);
                text.insert(at, (char) pick(random, REFUSED));
            }
        }
        return text.append('z').toString();
    }

    /** The rule, written independently of the code under test, code point by code point. */
    private static boolean allowed(String text) {
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp >= 0xD800 && cp <= 0xDFFF) return false;
            if (cp == 0xFFFE || cp == 0xFFFF) return false;
            if (cp == '\r' && (i + 1 == cps.length || cps[i + 1] != '\n')) return false;
            if (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') return false;
        }
        return true;
    }

    /** One text input: where it is posted, and the JSON body that carries the text in {@code field}. */
    private record Input(String field, String path, Function<String, Map<String, Object>> body, boolean storeValid) {}

    private static String strictUtf8(byte[] bytes) throws Exception {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    @Test
    void randomUnicodeIsRefusedNamingTheFieldOrStoredAndReadBackIdentically() throws Exception {
        schedule.tick();
        Occurrence occurrence = QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.latestOf("text", "notes").orElseThrow());
        long occurrenceId = occurrence.id;
        long startSeq =
                asAdmin().queryParam("limit", 1000).get("/api/audit").jsonPath().getList("seq", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0);
        long[] lastSignOff = {
            asAdmin()
                    .contentType("application/json")
                    .body(Map.of("note", "first", "reference", "ref"))
                    .post("/api/occurrences/{id}/signoff", occurrenceId)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id")
        };

        List<Input> inputs = List.of(
                new Input("note", "/api/signoffs/{last}/supersede", s -> Map.of("note", s, "reference", "ref"), true),
                new Input(
                        "reference",
                        "/api/signoffs/{last}/supersede",
                        s -> Map.of("note", "checked", "reference", s),
                        true),
                new Input("title", "/api/changes", s -> change(s, "what will be done"), true),
                new Input("description", "/api/changes", s -> change("a change", s), true),
                new Input("name", "/api/account/tokens", s -> Map.of("name", s), true),
                new Input(
                        "reason",
                        "/api/waivers",
                        s -> Map.of(
                                "checklist",
                                "text",
                                "activity",
                                "notes",
                                "reason",
                                s,
                                "expires",
                                "2026-04-30T00:00:00Z"),
                        false),
                new Input(
                        "reason",
                        "/api/acknowledgements",
                        s -> Map.of("probe", "text/notes#0@none", "reason", s, "until", "2026-03-29T00:00:00Z"),
                        false),
                new Input("note", "/api/advisories/{last}/triage", s -> Map.of("state", "applies", "note", s), false));

        Random random = new Random(SEED);
        List<String> notes = new ArrayList<>(List.of("first"));
        List<String> references = new ArrayList<>(List.of("ref"));
        int refused = 0;
        int stored = 0;
        for (int i = 0; i < STRINGS; i++) {
            String text = randomText(random);
            Input input = inputs.get(i % inputs.size());
            boolean ok = allowed(text);
            if (ok && !input.storeValid()) continue;
            Object[] pathParams = input.path().contains("{") ? new Object[] {lastSignOff[0]} : new Object[0];
            Response response = asAdmin()
                    .contentType("application/json")
                    .body(input.body().apply(text))
                    .post(input.path(), pathParams);
            String shown = "#" + i + " " + input.field() + " "
                    + text.codePoints()
                            .mapToObj(cp -> String.format("U+%04X", cp))
                            .toList();
            if (!ok) {
                assertEquals(400, response.statusCode(), shown + ": " + response.asString());
                assertEquals("application/problem+json", response.contentType(), shown);
                assertEquals("text not allowed", response.jsonPath().getString("title"), shown);
                assertTrue(response.jsonPath().getString("detail").startsWith("'" + input.field() + "' has "), shown);
                refused++;
                continue;
            }
            assertEquals(201, response.statusCode(), shown + ": " + response.asString());
            JsonNode answer = JSON.readTree(strictUtf8(response.asByteArray()));
            assertEquals(text, answer.get(input.field()).asText(), shown);
            stored++;
            if (input.path().contains("supersede")) {
                lastSignOff[0] = answer.get("id").asLong();
                notes.add(answer.get("note").asText());
                references.add(answer.get("reference").asText());
            } else if (input.path().equals("/api/changes")) {
                JsonNode read = JSON.readTree(strictUtf8(asAdmin()
                        .get("/api/changes/{id}", answer.get("id").asLong())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()));
                assertEquals(text, read.get(input.field()).asText(), shown);
            }
        }
        assertTrue(refused > 50 && stored > 50, refused + " refused, " + stored + " stored");

        // the occurrence's sign-offs, oldest first
        JsonNode signOffs = JSON.readTree(strictUtf8(asAdmin()
                .get("/api/occurrences/{id}/signoffs", occurrenceId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray()));
        List<String> listedNotes = new ArrayList<>();
        List<String> listedReferences = new ArrayList<>();
        signOffs.forEach(s -> {
            listedNotes.add(s.get("note").asText());
            listedReferences.add(s.get("reference").asText());
        });
        assertEquals(notes, listedNotes);
        assertEquals(references, listedReferences);

        // the occurrence page shows every note as it was written (none holds a character HTML escapes)
        String page = strictUtf8(asAdmin()
                .get("/occurrences/{id}", occurrenceId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        for (String note : notes) assertTrue(page.contains(note), "the page shows " + note);

        // the audit log, page by page
        List<String> auditedNotes = new ArrayList<>();
        Map<String, String> auditedChanges = new LinkedHashMap<>();
        long after = startSeq;
        while (true) {
            JsonNode entries = JSON.readTree(strictUtf8(asAdmin()
                    .queryParam("after", after)
                    .queryParam("limit", 100)
                    .get("/api/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray()));
            if (entries.isEmpty()) break;
            for (JsonNode e : entries) {
                after = e.get("seq").asLong();
                if (e.get("action").asText().startsWith("signoff."))
                    auditedNotes.add(e.at("/detail/note").asText());
            }
        }
        assertEquals(notes, auditedNotes);
        asAdmin().get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true));

        // the compliance CSV answers with well-formed UTF-8 and lists the occurrence
        String csv = strictUtf8(asAdmin()
                .queryParam("from", "2026-03-28")
                .queryParam("to", "2026-03-28")
                .get("/api/reports/compliance.csv")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertTrue(csv.lines().anyMatch(line -> line.startsWith(occurrenceId + ",text,notes,")), csv);

        // the bundle: the same notes in audit.jsonl, and the documented procedure verifies it
        String day = TestClock.START.toString().substring(0, 10);
        byte[] zip = asAdmin()
                .queryParam("from", day)
                .queryParam("to", day)
                .get("/api/audit/bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<String> bundledNotes = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                if (!e.getName().equals("audit.jsonl")) continue;
                for (String line : strictUtf8(entries.readAllBytes()).split("\n")) {
                    JsonNode entry = JSON.readTree(line);
                    if (entry.get("seq").asLong() > startSeq
                            && entry.get("action").asText().startsWith("signoff.")) {
                        bundledNotes.add(entry.at("/detail/note").asText());
                    }
                }
            }
        }
        assertEquals(notes, bundledNotes);
        BundleProcedure.Outcome verified = new BundleProcedure().run(Files.write(temp.resolve("bundle.zip"), zip));
        assertEquals(0, verified.exit(), verified.toString());
    }

    private static Map<String, Object> change(String title, String description) {
        return Map.of(
                "title",
                title,
                "description",
                description,
                "plannedStart",
                "2026-04-01T20:00:00Z",
                "plannedEnd",
                "2026-04-01T22:00:00Z");
    }
}
