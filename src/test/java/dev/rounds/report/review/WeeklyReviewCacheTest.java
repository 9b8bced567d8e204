package dev.rounds.report.review;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.audit.AuditLog;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.report.DataVersions;
import dev.rounds.report.ReportPeriod;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The weekly review is assembled once while nothing it shows changes, and again as soon as something does: an audit
 * entry other than a batch of results (every decision is one), or the clock moving on a minute.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class WeeklyReviewCacheTest extends ReviewFixture {

    private static final ReportPeriod WEEK = ReportPeriod.week("2026-W13", ZoneOffset.UTC);

    @Inject
    WeeklyReviewCache reviews;

    @Inject
    AuditLog audit;

    @Inject
    DataVersions versions;

    @Test
    void theSameReviewServesAgainUntilAnAuditEntryAndThenAFreshOne() {
        WeeklyReviewPage first = reviews.review(WEEK);
        assertSame(first, reviews.review(WEEK), "nothing changed: the review assembled before");

        audit.append(OPERATOR, "test.changed", "weekly-review-cache", Map.of());

        assertNotSame(first, reviews.review(WEEK), "an audit entry since: assembled again");
    }

    @Test
    void resultsWrittenWithinTheMinuteKeepTheReviewADecisionAfterThemDoesNot() {
        WeeklyReviewPage first = reviews.review(WEEK);

        writeAndFoldAResult();
        writeAndFoldAResult();
        assertSame(first, reviews.review(WEEK), "only results since: the review assembled before");

        audit.append(OPERATOR, "test.changed", "weekly-review-cache", Map.of());
        writeAndFoldAResult();
        assertNotSame(first, reviews.review(WEEK), "a decision among them: assembled again");
    }

    @Test
    void theClockMovingOnAssemblesTheRunningFiguresAgain() {
        WeeklyReviewPage first = reviews.review(WEEK);

        clock.set(NOW.plus(WeeklyReviewCache.WINDOW));

        assertNotSame(first, reviews.review(WEEK));
    }

    /** A batch of one result (its digest in the audit log), folded: for a target no checklist has, so no figure moves. */
    private void writeAndFoldAResult() {
        long before = auditSeq();
        assertTrue(writer.submit(new ProbeResult(
                new ProbeKey("weekly-review-cache", "elsewhere", 0, "not-in-the-inventory"),
                "tcp",
                clock.instant(),
                Duration.ofMillis(5),
                ProbeStatus.UP,
                Map.of(),
                List.of(),
                "up")));
        writer.flush();
        rollups.catchUp();
        assertTrue(auditSeq() > before, "the batch's digest is in the audit log");
    }

    private long auditSeq() {
        return versions.current(Duration.ofSeconds(1)).auditSeq();
    }
}
