package dev.rounds.report.review;

import dev.rounds.report.DataVersion;
import dev.rounds.report.DataVersions;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.SharedBuild;
import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weekly review as last assembled and rendered, handed out again until something it shows changes: the checklists,
 * any decision (an audit entry other than a batch of results' digest: a sign-off, a waiver, a status, a change), or
 * the minute ({@link #WINDOW}), after which a running week's figures are counted again with the results written and
 * folded meanwhile. At 10,000 pairs a batch is written every 5 s and assembling the review takes seconds under load;
 * assembling it again for each batch kept a core busy. Requests that arrive while it is rebuilt take the one before
 * ({@link SharedBuild}), so a decision shows at once unless a rebuild was already under way. Only the page around the
 * sections, which names the person, is rendered for each request.
 */
@ApplicationScoped
public class WeeklyReviewCache {

    /**
     * How far the clock may move before a running week's "so far" figures are counted again, with the results written
     * and folded meanwhile; a decision shows at once.
     */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** Reviews kept: the weeks people look at (this one, the last few); more are assembled each time. */
    private static final int WEEKS = 8;

    @Inject
    WeeklyReviewAssembler assembler;

    @Inject
    DataVersions versions;

    @Location("ReviewPages/weekly-sections")
    Template sections;

    private final Map<ReportPeriod, SharedBuild<DataVersion, WeeklyReviewPage>> kept =
            new LinkedHashMap<>(WEEKS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<ReportPeriod, SharedBuild<DataVersion, WeeklyReviewPage>> eldest) {
                    return size() > WEEKS;
                }
            };

    public WeeklyReviewPage review(ReportPeriod week) {
        DataVersion version = versions.current(WINDOW);
        SharedBuild<DataVersion, WeeklyReviewPage> review;
        synchronized (kept) {
            review = kept.computeIfAbsent(week, w -> new SharedBuild<>(this::shows, WINDOW));
        }
        return review.get(version, v -> {
            WeeklyReview assembled = assembler.assemble(week);
            return new WeeklyReviewPage(
                    assembled, new RawString(sections.data("review", assembled).render()));
        });
    }

    /** Whether a review built from {@code kept} shows what one built {@code now} would, but the last minute's results. */
    private boolean shows(DataVersion kept, DataVersion now) {
        return kept.checklists() == now.checklists()
                && kept.window() == now.window()
                && (kept.auditSeq() == now.auditSeq() || !versions.decidedSince(kept.auditSeq()));
    }
}
