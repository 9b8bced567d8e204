package dev.rounds.audit.export;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestAccounts;
import dev.rounds.audit.AuditEntry;
import dev.rounds.audit.AuditEvent;
import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ChainedAuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class BundleResourceTest {

    private static final String AUDITOR = "bundle-auditor";
    private static final String VIEWER = "bundle-viewer";
    /** Text that a shell procedure must unescape exactly: quotes, backslashes, control characters, non-ASCII. */
    private static final String AWKWARD = "room \"B\\12\"\tline\nbreak \u0001 caf\u00e9 \u2603 \ud83d\ude00 /slash";

    @Inject
    AuditLog log;

    @Inject
    ChainedAuditLog chain;

    @TempDir
    Path temp;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(AUDITOR, "auditor");
        TestAccounts.ensure(VIEWER, "viewer");
    }

    @Test
    void theReadmeProcedureVerifiesTheBundleAndCatchesEveryTampering() throws Exception {
        TestAccounts.ensure("bundle-new-" + System.nanoTime(), "operator");
        long firstSeq = log.append(
                "bundle-test",
                "bundle.awkward",
                AWKWARD,
                Map.of(
                        "note",
                        AWKWARD,
                        "fake",
                        "\",\"prev_hash\":\"" + "0".repeat(64) + "\",\"hash\":\"" + "1".repeat(64) + "\"}"));
        long lastSeq = log.appendAll(List.of(
                        new AuditEvent(
                                AWKWARD.replace('\n', ' '), "bundle.batch", "", Map.of("n", 1, "list", List.of(1, 2))),
                        new AuditEvent("bundle-test", "bundle.batch", "b", Map.of())))
                .get(1);
        String today = LocalDate.now().toString();
        String yesterday = LocalDate.now().minusDays(1).toString();

        Response response = TestAccounts.as(AUDITOR)
                .queryParam("from", yesterday)
                .queryParam("to", today)
                .get("/api/audit/bundle");
        response.then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("rounds-audit-" + yesterday + "-" + today + ".zip"));
        Path bundle = temp.resolve("bundle");
        List<String> names = BundleProcedure.unzip(new ByteArrayInputStream(response.asByteArray()), bundle);
        assertEquals(BundleWriter.MANIFEST, names.get(names.size() - 1));
        List<String> files = names.subList(0, names.size() - 1);
        assertEquals(files.stream().sorted().toList(), files, "files in name order, manifest last");
        assertTrue(files.containsAll(List.of(AuditJsonlFile.NAME, RangeEchoFile.NAME)), names.toString());
        assertTrue(BundleProcedure.text(bundle.resolve(BundleWriter.MANIFEST))
                .contains("\"name\":\"" + RangeEchoFile.NAME + "\""));
        Path zip = temp.resolve("bundle.zip");
        Files.write(zip, response.asByteArray());
        BundleProcedure procedure = new BundleProcedure();

        List<String> lines = Files.readAllLines(bundle.resolve(AuditJsonlFile.NAME));
        BundleProcedure.Outcome verified = procedure.run(zip);
        assertEquals(0, verified.exit(), verified.toString());
        assertTrue(
                verified.out().startsWith("bundle verified: " + lines.size() + " entries, last seq "),
                verified.toString());
        assertTrue(
                lines.stream().anyMatch(line -> line.startsWith("{\"seq\":" + firstSeq + ",")),
                "slice has seq " + firstSeq);
        assertTrue(Long.parseLong(verified.out().split(" ")[6]) >= lastSeq, verified.toString());
        Path mawk = Path.of("/usr/bin/mawk");
        if (Files.isExecutable(mawk)) {
            Path awkFolder = Files.createDirectories(temp.resolve("mawk"));
            Files.createSymbolicLink(awkFolder.resolve("awk"), mawk);
            BundleProcedure.Outcome withMawk = procedure.run(bundle, awkFolder, null);
            assertEquals(verified.out(), withMawk.out(), withMawk.toString());
        }

        for (String name : names) {
            Path copy = BundleProcedure.copy(bundle, temp.resolve("flipped-" + name));
            byte[] bytes = Files.readAllBytes(copy.resolve(name));
            // In the manifest, a byte of a value the procedure checks; created_at and the range are covered only by
            // the manifest's SHA-256 recorded in Rounds, which the procedure prints.
            int at = name.equals(BundleWriter.MANIFEST)
                    ? new String(bytes, StandardCharsets.UTF_8).indexOf("\"sha256\":\"") + 12
                    : bytes.length / 2;
            bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
            Files.write(copy.resolve(name), bytes);
            BundleProcedure.Outcome flipped = procedure.run(copy);
            assertNotEquals(0, flipped.exit(), name + ": " + flipped);
            assertTrue(
                    flipped.err().startsWith("bundle NOT verified: ")
                            && flipped.err().contains(name),
                    flipped.toString());
        }

        int awkwardLine = indexOfSeq(lines, firstSeq);
        List<String> actorChanged = new ArrayList<>(lines);
        actorChanged.set(
                awkwardLine,
                actorChanged.get(awkwardLine).replace("\"actor\":\"bundle-test\"", "\"actor\":\"bundle-tesT\""));
        assertNotEquals(lines, actorChanged);
        BundleProcedure.Outcome rewritten = procedure.run(withAuditLines(bundle, "actor-changed", actorChanged));
        assertEquals(1, rewritten.exit(), rewritten.toString());
        assertTrue(rewritten.err().contains("audit.jsonl line " + (awkwardLine + 1) + ": hash"), rewritten.toString());

        List<String> subjectChanged = new ArrayList<>(lines);
        subjectChanged.set(awkwardLine, subjectChanged.get(awkwardLine).replace("\\u0001", "\\u0002"));
        BundleProcedure.Outcome escaped = procedure.run(withAuditLines(bundle, "subject-changed", subjectChanged));
        assertTrue(escaped.err().contains("audit.jsonl line " + (awkwardLine + 1) + ": hash"), escaped.toString());

        List<String> lineDeleted = new ArrayList<>(lines);
        lineDeleted.remove(awkwardLine + 1);
        BundleProcedure.Outcome deleted = procedure.run(withAuditLines(bundle, "line-deleted", lineDeleted));
        assertEquals(1, deleted.exit(), deleted.toString());
        assertTrue(deleted.err().contains("audit.jsonl line " + (awkwardLine + 2) + ": seq"), deleted.toString());

        List<String> lastDeleted = new ArrayList<>(lines.subList(0, lines.size() - 1));
        BundleProcedure.Outcome shortened = procedure.run(withAuditLines(bundle, "last-deleted", lastDeleted));
        assertEquals(1, shortened.exit(), shortened.toString());
    }

    @Test
    void theExportIsAuditedWithTheManifestsSha256() {
        String today = LocalDate.now().toString();
        long before = log.append("bundle-test", "bundle.before-export", "", Map.of());

        String sha256 = TestAccounts.as(AUDITOR)
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/audit/bundle")
                .then()
                .statusCode(200)
                .extract()
                .header(BundleResource.MANIFEST_SHA256);

        AuditEntry exported = chain.entries(before, 1000).stream()
                .filter(entry -> entry.action().equals(AuditExport.ACTION)
                        && entry.detail().contains(sha256))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit.exported entry with " + sha256));
        assertEquals(AUDITOR, exported.actor());
        assertTrue(exported.detail().contains("\"manifest_sha256\":\"" + sha256 + "\""), exported.detail());
    }

    @Test
    void aRangeWithoutEntriesIsAValidBundleThatSaysSo() throws Exception {
        byte[] zip = asAdmin()
                .queryParam("from", "2001-01-01")
                .queryParam("to", "2001-01-31")
                .get("/api/audit/bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Path bundle = temp.resolve("empty");
        BundleProcedure.unzip(new ByteArrayInputStream(zip), bundle);

        BundleProcedure.Outcome verified = new BundleProcedure().run(bundle);

        assertEquals(0, verified.exit(), verified.toString());
        assertTrue(verified.out().startsWith("bundle verified: 0 entries, last seq null hash null"), verified.out());
        assertTrue(BundleProcedure.text(bundle.resolve(BundleWriter.MANIFEST)).contains("\"entries\":0,"));
    }

    @Test
    void withoutASigningKeyThereIsNoSignatureAndNoKey() throws Exception {
        String today = LocalDate.now().toString();
        byte[] zip = TestAccounts.as(AUDITOR)
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/audit/bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        assertTrue(!BundleProcedure.unzip(new ByteArrayInputStream(zip), temp.resolve("unsigned"))
                .contains(BundleWriter.SIGNATURE));
        TestAccounts.as(AUDITOR)
                .get("/api/audit/key")
                .then()
                .statusCode(404)
                .body("detail", containsString("rounds.audit.signing-key"));
    }

    @Test
    void aViewerMayNotExport() {
        TestAccounts.as(VIEWER)
                .queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-30")
                .get("/api/audit/bundle")
                .then()
                .statusCode(403);
    }

    @Test
    void badRangesAreRefusedNamingTheParameter() {
        badRange(null, "2026-11-30", "'from' is required");
        badRange("2026-11-01", "30.11.2026", "'to' must be a date like 2026-11-01 or an instant like");
        badRange("2026-11-31", "2026-12-01", "'from' must be a date");
        badRange("2026-11-30", "2026-11-01", "'to' (2026-11-01) is before 'from' (2026-11-30)");
        badRange("2025-01-01", "2026-11-30", "a bundle covers at most 400 days");
    }

    private static void badRange(String from, String to, String message) {
        var request = TestAccounts.as(AUDITOR);
        if (from != null) request.queryParam("from", from);
        request.queryParam("to", to)
                .get("/api/audit/bundle")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("invalid query parameter"))
                .body("detail", containsString(message));
    }

    private static int indexOfSeq(List<String> lines, long seq) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"seq\":" + seq + ",")) return i;
        }
        throw new AssertionError("no line with seq " + seq);
    }

    /** A copy of the bundle with these audit lines and a manifest whose size and SHA-256 match them. */
    private Path withAuditLines(Path bundle, String name, List<String> lines) throws Exception {
        Path copy = BundleProcedure.copy(bundle, temp.resolve(name));
        Path audit = copy.resolve(AuditJsonlFile.NAME);
        byte[] original = Files.readAllBytes(audit);
        Files.write(audit, (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        byte[] changed = Files.readAllBytes(audit);
        String manifest = BundleProcedure.text(copy.resolve(BundleWriter.MANIFEST))
                .replace(
                        "{\"bytes\":" + original.length + ",\"name\":\"audit.jsonl\",\"sha256\":\"" + sha256(original),
                        "{\"bytes\":" + changed.length + ",\"name\":\"audit.jsonl\",\"sha256\":\"" + sha256(changed));
        assertTrue(manifest.contains(sha256(changed)), manifest);
        Files.writeString(copy.resolve(BundleWriter.MANIFEST), manifest);
        return copy;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
