package dev.rounds.report.review;

import dev.rounds.audit.AuditLog;
import dev.rounds.core.ReportZone;
import dev.rounds.core.Sha256;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.pdf.PdfRenderer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Files each closed week's and month's review as it stood when the period closed: {@code reports/<year>/} gets
 * {@code weekly-review-2026-W48.html} and {@code .pdf} (and {@code monthly-review-2026-11.*}), and each file's
 * SHA-256 goes into the audit log, so a filed report can later be shown unaltered. A snapshot already on disk is
 * left alone; only the latest closed week and month are filed, never a backlog of periods before Rounds ran.
 */
@ApplicationScoped
public class ReviewSnapshots {

    public static final String ACTION = "report.filed";
    private static final Logger LOG = Logger.getLogger(ReviewSnapshots.class);

    /** One file written: where, its digest and its size. */
    public record Filed(Path file, String sha256, long bytes) {}

    @Inject
    WeeklyReviewAssembler weekly;

    @Inject
    MonthlyReviewAssembler monthly;

    @Inject
    PdfRenderer pdf;

    @Inject
    AuditLog audit;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    /** Where the snapshots are filed: {@code rounds.reports.dir}. */
    private final Path folder;

    @Inject
    ReviewSnapshots(ReportsConfig config) {
        this.folder = config.dir();
    }

    @Scheduled(
            every = "${rounds.reports.snapshot-interval}",
            delay = 1,
            delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            fileClosedPeriods();
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "filing the closed week's or month's review failed; it is tried again in a while: %s",
                    e.getMessage());
        }
    }

    /** Files the latest closed week and month if they are not filed yet; returns what it wrote. */
    public synchronized List<Filed> fileClosedPeriods() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.get());
        var filed = new ArrayList<Filed>();
        ReportPeriod week = ReportPeriod.weekOf(today, zone.get()).previous();
        filed.addAll(file(
                week,
                "weekly-review-" + week.label(),
                () -> ReviewPages.Templates.weeklyFile(weekly.assemble(week)).render()));
        ReportPeriod month = ReportPeriod.monthOf(today, zone.get()).previous();
        filed.addAll(file(
                month,
                "monthly-review-" + month.label(),
                () -> ReviewPages.Templates.monthlyFile(monthly.assemble(month)).render()));
        return filed;
    }

    private List<Filed> file(ReportPeriod period, String name, Supplier<String> page) {
        Path year = folder.resolve(String.valueOf(period.last().getYear()));
        Path html = year.resolve(name + ".html");
        Path pdfFile = year.resolve(name + ".pdf");
        if (Files.exists(html) && Files.exists(pdfFile)) return List.of();
        String rendered = page.get();
        try {
            Files.createDirectories(year);
            List<Filed> written = List.of(
                    write(html, pdf.standalone(rendered).getBytes(StandardCharsets.UTF_8)),
                    write(pdfFile, pdf.render(rendered)));
            for (Filed f : written) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("period", period.label());
                detail.put("file", folder.relativize(f.file()).toString().replace('\\', '/'));
                detail.put("sha256", f.sha256());
                detail.put("bytes", f.bytes());
                audit.append(AuditLog.SYSTEM, ACTION, "report/" + name, detail);
            }
            LOG.infof("filed the review of %s in %s", period.label(), year);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the review of " + period.label() + " could not be filed in " + year + ": " + e.getMessage(), e);
        }
    }

    /** Writes beside the target and moves into place, so a crash never leaves half a report under its final name. */
    private static Filed write(Path file, byte[] content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Filed(file, Sha256.hex(content), content.length);
    }
}
