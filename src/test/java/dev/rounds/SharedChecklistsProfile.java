package dev.rounds;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.LoadResult;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One test application for every test class that brings checklists of its own, so that they share one Quarkus
 * start instead of one each: the test clock, the schedule's timer off (tests tick), the folder polled only hourly
 * (tests reload), no first-start backup, reports in UTC, evidence of at most {@link #EVIDENCE_MAX_BYTES} per file,
 * feeds fetched directly (no proxy), and evidence, reports and checklists in temporary folders of their own.
 *
 * <p>A test class puts its checklists in force with {@link #use} in a {@code @BeforeAll} method: that is what a
 * fresh application would have found at start-up. Classes run one after another in this application, grouped by
 * Quarkus' class orderer, in class-name order; the database is shared by every application of the test run anyway.
 */
public class SharedChecklistsProfile implements QuarkusTestProfile {

    /** The evidence size limit of this application. */
    public static final int EVIDENCE_MAX_BYTES = 4096;

    /** The folder's content at start-up, until the first test class puts its own in force: no checklist at all. */
    private static final Map<String, String> EMPTY = Map.of("inventory.yaml", "targets: []\n");

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path checklists = Files.createTempDirectory("rounds-shared-checklists-");
            write(checklists, EMPTY);
            Map<String, String> config = new HashMap<>();
            config.put("rounds.checklists.dir", checklists.toString());
            config.put("rounds.checklists.poll", "1h");
            config.put("rounds.schedule.tick", "off");
            config.put("rounds.backup.at-first-start", "false");
            config.put(
                    "rounds.evidence.dir",
                    Files.createTempDirectory("rounds-shared-evidence-").toString());
            config.put("rounds.evidence.max-bytes", String.valueOf(EVIDENCE_MAX_BYTES));
            config.put(
                    "rounds.reports.dir",
                    Files.createTempDirectory("rounds-shared-reports-").toString());
            config.put("rounds.report.zone", "UTC");
            config.put("rounds.advisory.proxy", "");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test class's checklists, with no checklist at all: for classes that need only the application. */
    public static void useNone() {
        use(EMPTY);
    }

    /**
     * Puts these files (name, or path such as {@code frameworks/x.yaml}, to YAML text) in force as the checklist folder, as if the application had just started
     * on them: the folder holds exactly these files, the test clock is back at {@link TestClock#START}, the folder is
     * reloaded (audited and announced as a load by {@code system}) and the schedule ticks once, as it does at
     * start-up. If the folder holds exactly these files already, as after an earlier class with the same checklists,
     * nothing is done, so that such classes carry on where the other left off, as they would in one application.
     *
     * <p>Checklist ids should be the test class's own: another class's tick retires the unsettled occurrences of
     * checklists no longer in force, so a later class must not expect to find them open again.
     */
    public static void use(Map<String, String> files) {
        ChecklistRegistry registry = bean(ChecklistRegistry.class);
        Path folder = registry.folder();
        if (files.equals(read(folder))) return;
        try (Stream<Path> old = Files.walk(folder)) {
            // deepest first, so that a subfolder such as frameworks/ is empty when its turn comes
            for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(folder)) Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(folder, files);
        bean(TestClock.class).set(TestClock.START);
        LoadResult loaded = registry.reload(AuditLog.SYSTEM);
        if (!loaded.isValid()) {
            throw new AssertionError("the test's checklists do not load: " + loaded.problems());
        }
        bean(ScheduleService.class).tick();
    }

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    private static Map<String, String> read(Path folder) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> present = Files.walk(folder)) {
            for (Path file : present.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void write(Path folder, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
