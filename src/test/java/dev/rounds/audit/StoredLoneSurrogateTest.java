package dev.rounds.audit;

import static dev.rounds.Logins.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.export.AuditJsonlFile;
import dev.rounds.audit.export.BundleProcedure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry stored before the text rule, with a lone surrogate in its subject and detail (as {@code POST
 * /api/occurrences/{id}/signoff} once accepted), is served whole by every reader and still verifies.
 */
@QuarkusTest
class StoredLoneSurrogateTest {

    /** Strict JSON: a body cut off mid-string fails to parse. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog log;

    @Inject
    ChainedAuditLog chain;

    @TempDir
    Path temp;

    /** Appends a row as the appender did before the text rule: the stored text keeps its lone surrogates. */
    private long appendRaw(String subject, String canonicalDetail) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            String prev;
            try (PreparedStatement lock =
                            c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
                    ResultSet head = lock.executeQuery()) {
                head.next();
                seq = head.getLong(1) + 1;
                prev = head.getString(2);
            }
            String at = AuditHash.timestamp(Instant.now());
            String hash = AuditHash.of(seq, at, "alice", "signoff.recorded", subject, canonicalDetail, prev);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, action, subject,"
                    + " detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, seq);
                insert.setString(2, at);
                insert.setString(3, "alice");
                insert.setString(4, "signoff.recorded");
                insert.setString(5, subject);
                insert.setString(6, canonicalDetail);
                insert.setString(7, prev);
                insert.setString(8, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement move = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                move.setLong(1, seq);
                move.setString(2, hash);
                move.executeUpdate();
            }
            c.commit();
            return seq;
        }
    }

    /** The body as strictly decoded UTF-8 and strictly parsed JSON: a cut or malformed body fails here. */
    private static JsonNode strictJson(Response response) throws Exception {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(response.asByteArray()))
                .toString();
        return JSON.readTree(text);
    }

    @Test
    void aStoredLoneSurrogateIsServedAsAReplacementCharacterByEveryReaderAndTheChainVerifies() throws Exception {
        long seq = appendRaw("daily/notes@2026-11-26 \uDC00", "{\"note\":\"lone \uD800 surrogate\",\"signoff_id\":1}");
        // the stored row keeps the surrogate: this is what existing databases hold
        assertEquals("lone \uD800 surrogate", ((String)
                JSON.readValue(chain.entries(seq - 1, 1).get(0).detail(), java.util.Map.class)
                        .get("note")));
        log.append("bob", "after.stored", "", java.util.Map.of("n", 1));

        Response one =
                asAdmin().queryParam("after", seq - 1).queryParam("limit", 1).get("/api/audit");
        one.then().statusCode(200);
        JsonNode page = strictJson(one);
        assertEquals(1, page.size());
        assertEquals(seq, page.get(0).get("seq").asLong());
        assertEquals("lone \uFFFD surrogate", page.get(0).at("/detail/note").asText());
        assertEquals("daily/notes@2026-11-26 \uFFFD", page.get(0).get("subject").asText());

        Response hundred = asAdmin()
                .queryParam("after", Math.max(0, seq - 50))
                .queryParam("limit", 100)
                .get("/api/audit");
        hundred.then().statusCode(200);
        JsonNode many = strictJson(hundred);
        // Background entries (a results digest) may follow; what matters is that the page reads on past the entry.
        boolean pastTheEntry = false;
        for (JsonNode entry : many) {
            pastTheEntry |= entry.get("seq").asLong() > seq
                    && entry.get("action").asText().equals("after.stored");
        }
        assertTrue(pastTheEntry, "the page runs past the entry: " + many);

        Response all = asAdmin().queryParam("limit", 1000).get("/api/audit");
        all.then().statusCode(200);
        strictJson(all);

        asAdmin().get("/api/audit/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Response bundle =
                asAdmin().queryParam("from", yesterday).queryParam("to", today).get("/api/audit/bundle");
        bundle.then().statusCode(200).contentType("application/zip");
        String jsonl = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.asByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(AuditJsonlFile.NAME)) {
                    jsonl = StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(zip.readAllBytes()))
                            .toString();
                }
            }
        }
        String line = jsonl.lines()
                .filter(l -> l.startsWith("{\"seq\":" + seq + ","))
                .findFirst()
                .orElseThrow();
        // The bundle carries the bytes that were hashed: Java's UTF-8 encoder wrote each lone surrogate as '?'.
        assertTrue(line.contains("\"detail\":{\"note\":\"lone ? surrogate\",\"signoff_id\":1}"), line);
        JSON.readTree(line);
        Path zipFile = Files.write(temp.resolve("bundle.zip"), bundle.asByteArray());
        BundleProcedure.Outcome verified = new BundleProcedure().run(zipFile);
        assertEquals(0, verified.exit(), verified.toString());
    }
}
