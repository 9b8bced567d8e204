package dev.rounds.report.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where and how often each closed week's and month's review is filed ({@link ReviewSnapshots}). */
@ConfigMapping(prefix = "rounds.reports")
public interface ReportsConfig {

    /** The folder the filed reviews go to, as {@code <dir>/<year>/weekly-review-2026-W48.html} and {@code .pdf}. */
    @WithDefault("reports")
    Path dir();

    /** How often Rounds looks for a closed week or month not filed yet; {@code off} stops the timer (tests drive it). */
    @WithDefault("15m")
    String snapshotInterval();
}
