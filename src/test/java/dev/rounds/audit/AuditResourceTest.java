package dev.rounds.audit;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    @Inject
    AuditLog log;

    @Test
    void entriesArePagedAfterASeqOldestFirstWithDetailAsJson() {
        List<Long> seqs = log.appendAll(List.of(
                new AuditEvent("alice", "page.one", "a", Map.of("n", 1)),
                new AuditEvent("alice", "page.two", "b", Map.of("n", 2, "tags", List.of("x"))),
                new AuditEvent("alice", "page.three", "c", Map.of())));
        long after = seqs.get(0) - 1;

        asAdmin()
                .queryParam("after", after)
                .queryParam("limit", 2)
                .when()
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("seq", contains(seqs.get(0).intValue(), seqs.get(1).intValue()))
                .body("action", contains("page.one", "page.two"))
                .body("[1].detail.tags[0]", equalTo("x"))
                .body("[1].prev_hash", matchesPattern("[0-9a-f]{64}"))
                .body("[1].at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z"));

        asAdmin()
                .queryParam("after", seqs.get(1))
                .queryParam("limit", 1)
                .when()
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("action", contains("page.three"));
    }

    @Test
    void pageLargerThanAThousandIsRefused() {
        asAdmin().queryParam("limit", 1001).when().get("/api/audit").then().statusCode(400);
    }

    @Test
    void verifyAnswersTheReportOfAnIntactChain() {
        long seq = log.append(AuditLog.SYSTEM, "rounds.started", "", Map.of());

        asAdmin()
                .when()
                .get("/api/audit/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("firstBroken", nullValue())
                // the running application appends too (probe result digests), so the head may be further on
                .body("headSeq", greaterThanOrEqualTo((int) seq))
                .body("headHash", matchesPattern("[0-9a-f]{64}"));
    }
}
