package dev.rounds.report.review;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.report.ReportPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The weekly review as last assembled, handed out again while nothing it shows can have changed: the same checklists,
 * no audit entry since (every decision, occurrence status and change is one), no result folded into the rollups
 * since, and the application's clock within {@link #WINDOW} of when it was assembled (a running week's figures count
 * up to now). Under load one assembly then serves every request of the window instead of each request reading a
 * week of rollups for every target again; a sign-off shows at once, because it is audited.
 */
@ApplicationScoped
public class WeeklyReviewCache {

    /** How far the clock may move before a running week's "so far" figures are counted again. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    /** Reviews kept: the weeks people look at (this one, the last few); more are assembled each time. */
    private static final int WEEKS = 8;

    @Inject
    WeeklyReviewAssembler assembler;

    @Inject
    ChecklistRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** What a review was assembled from. */
    private record Source(ChecklistSet checklists, long auditSeq, long folded, long window) {

        boolean same(Source other) {
            // the checklists by identity: a reload makes a new set, and comparing two sets whole costs more
            return checklists == other.checklists
                    && auditSeq == other.auditSeq
                    && folded == other.folded
                    && window == other.window;
        }
    }

    private record Kept(Source source, WeeklyReview review) {}

    private final Map<ReportPeriod, Kept> kept = new LinkedHashMap<>(WEEKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ReportPeriod, Kept> eldest) {
            return size() > WEEKS;
        }
    };

    public WeeklyReview review(ReportPeriod week) {
        Source source = source();
        synchronized (kept) {
            Kept found = kept.get(week);
            if (found != null && found.source().same(source)) return found.review();
        }
        // One assembly at a time: under load the requests that missed wait for it and take it, rather than each
        // assembling the same review.
        synchronized (this) {
            synchronized (kept) {
                Kept found = kept.get(week);
                if (found != null && found.source().same(source)) return found.review();
            }
            WeeklyReview review = assembler.assemble(week);
            synchronized (kept) {
                kept.put(week, new Kept(source, review));
            }
            return review;
        }
    }

    private Source source() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT (SELECT seq FROM audit_head WHERE id = 1),"
                        + " (SELECT last_result_id FROM rollup_watermark WHERE id = 1)")) {
            row.next();
            return new Source(
                    registry.current(), row.getLong(1), row.getLong(2), now.toEpochMilli() / WINDOW.toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the audit head and the rollup watermark: " + e.getMessage(), e);
        }
    }
}
