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
 * The weekly review as last assembled and rendered, handed out again while nothing it shows can have changed (the same
 * {@link DataVersion}: checklists, audit log, rollups, and the clock within {@link #WINDOW}, as a running week's
 * figures count up to now). Under load one assembly and one rendering of its sections then serve every request of
 * the window, instead of each request reading a week of rollups for every target and rendering them again; a
 * sign-off shows at once, because it is audited, unless another request is rebuilding the review at that moment
 * ({@link SharedBuild}). Only the page around the sections, which names the person, is rendered for each request.
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
            review = kept.computeIfAbsent(week, w -> new SharedBuild<>(DataVersion::same, WINDOW));
        }
        return review.get(version, v -> {
            WeeklyReview assembled = assembler.assemble(week);
            return new WeeklyReviewPage(
                    assembled, new RawString(sections.data("review", assembled).render()));
        });
    }
}
