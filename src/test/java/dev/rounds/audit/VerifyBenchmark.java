package dev.rounds.audit;

import com.sun.management.OperatingSystemMXBean;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * {@code verify} of a large audit log on an H2 file, with where its time goes (reading rows, the chain, digest
 * checks), beside two baselines run in the same sitting over the same rows: a plain JDBC read of every column, and
 * that read plus a plain SHA-256 of the same bytes, each in one thread. Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.rounds.audit.VerifyBenchmark \
 *     [entries] [digests] [folder]
 * </pre>
 *
 * <p>{@code entries} defaults to 1,000,000, of which {@code digests} (default 1,000) are real {@code results.digest}
 * entries over {@value #RESULTS_PER_DIGEST} stored probe results each, the rest digest-shaped entries under an action
 * of their own. {@code folder} keeps the database between runs (filled once, about a minute); without it, a temporary
 * folder is filled and deleted.
 */
public final class VerifyBenchmark {

    static final int RESULTS_PER_DIGEST = 100;
    private static final int ROUNDS = 3;
    private static final int BATCH = 1000;
    private static final String RESULT_INSERT = "INSERT INTO probe_result (id, probe_key, checklist_id, activity_id,"
            + " probe_index, target_id, type, started_at, duration_us, status, values_json, conditions_json, message)"
            + " VALUES (?, ?, 'daily', 'ports', 0, ?, 'tcp', ?, ?, 'up', ?, '[]', NULL)";

    private VerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        // as the verify command runs (before H2 loads)
        H2ObjectCache.disable();
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int digests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        boolean keep = args.length > 2;
        Path folder = keep ? Path.of(args[2]).toAbsolutePath() : Files.createTempDirectory("rounds-verify-bench");
        String url = "jdbc:h2:file:" + folder.resolve("audit");
        try (AgroalDataSource dataSource = pool(url)) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .load()
                    .migrate();
            long stored = fill(dataSource, entries, digests);
            System.out.printf(
                    Locale.ROOT,
                    "verify benchmark: %,d entries (%,d results.digest over %,d results each), %s, %s, %d cores,"
                            + " load average %.2f%n",
                    stored,
                    digests,
                    RESULTS_PER_DIGEST,
                    url,
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            measure(dataSource, stored);
        }
        if (!keep) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    private static void measure(DataSource dataSource, long entries) throws SQLException {
        AuditVerifier verifier = new AuditVerifier(dataSource);
        // The first round warms the JIT and H2's caches alike and is not counted.
        Phase read = new Phase();
        Phase readAndHash = new Phase();
        Phase verify = new Phase();
        for (int round = 0; round <= ROUNDS; round++) {
            boolean counted = round > 0;
            read.run(counted, () -> plainRead(dataSource, "audit_log", null));
            readAndHash.run(counted, () -> plainRead(dataSource, "audit_log", Sha256Sink.create()));
            VerificationTimes times = new VerificationTimes();
            verify.run(counted, () -> {
                VerificationReport report = verifier.verify(times);
                if (!report.ok() || report.entriesChecked() != entries) {
                    throw new IllegalStateException("the benchmark's own log does not verify: " + report);
                }
                return report.entriesChecked();
            });
            System.out.printf(Locale.ROOT, "round %d%s: verify %s%n", round, counted ? "" : " (warm-up)", times);
        }
        System.out.printf(
                Locale.ROOT,
                "plain read (1 thread)         %s%nplain read + SHA-256 (1 thread) %s%nverify                        %s%n",
                read,
                readAndHash,
                verify);
        System.out.printf(
                Locale.ROOT,
                "verify / plain read: %.2f wall, %.2f CPU; verify / plain read + SHA-256: %.2f wall, %.2f CPU"
                        + " (below 1 is slower); the target: 1,000,000 verified in < 2 s%n",
                read.wallSeconds() / verify.wallSeconds(),
                read.cpuSeconds() / verify.cpuSeconds(),
                readAndHash.wallSeconds() / verify.wallSeconds(),
                readAndHash.cpuSeconds() / verify.cpuSeconds());
    }

    /** SHA-256 over each row's columns joined as the chain joins them, with no checks. */
    static final class Sha256Sink {
        private final MessageDigest sha256 = AuditHash.newSha256();

        static Sha256Sink create() {
            return new Sha256Sink();
        }

        void add(String text) {
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
            sha256.digest();
        }
    }

    /**
     * Reads every column of every row of an audit-shaped table in the verifier's pages, in one thread; hashes each
     * row's text if {@code sink} is given.
     */
    static long plainRead(DataSource dataSource, String table, Sha256Sink sink) throws SQLException {
        long rows = 0;
        long after = 0;
        long characters = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement page = connection.prepareStatement("SELECT seq, at, actor, action, subject, detail,"
                        + " prev_hash, hash FROM " + table + " WHERE seq > ? ORDER BY seq LIMIT "
                        + AuditVerifier.PAGE_SIZE)) {
            page.setFetchSize(AuditVerifier.PAGE_SIZE);
            int inPage;
            do {
                inPage = 0;
                page.setLong(1, after);
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        StringBuilder text = new StringBuilder(320).append(after);
                        for (int column = 2; column <= 8; column++) {
                            String value = row.getString(column);
                            characters += value.length();
                            text.append('|').append(value);
                        }
                        if (sink != null) {
                            sink.add(text.toString());
                        }
                        inPage++;
                    }
                }
                rows += inPage;
            } while (inPage == AuditVerifier.PAGE_SIZE);
        }
        if (characters == 0) {
            throw new IllegalStateException("the baseline read no text");
        }
        return rows;
    }

    /** Fills an empty log through {@link ChainedAuditLog}; a log already filled is left as it is. */
    private static long fill(DataSource dataSource, int entries, int digests) throws SQLException {
        ChainedAuditLog log = new ChainedAuditLog(dataSource, Clock.systemUTC());
        long stored = storedEntries(dataSource);
        if (stored > 0) {
            return stored;
        }
        long started = System.nanoTime();
        int digestEvery = digests == 0 ? Integer.MAX_VALUE : Math.max(1, entries / digests);
        long nextResultId = 1;
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < entries; i++) {
            if (i % digestEvery == digestEvery - 1 && i / digestEvery < digests) {
                batch.add(storeResults(dataSource, nextResultId));
                nextResultId += RESULTS_PER_DIGEST;
            } else {
                batch.add(AuditBenchmark.digestShaped(i));
            }
            if (batch.size() == BATCH || i == entries - 1) {
                log.appendAll(batch);
                batch.clear();
            }
        }
        System.out.printf(Locale.ROOT, "filled in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return storedEntries(dataSource);
    }

    /** Stores one batch of results as the result writer does, and gives its digest entry. */
    private static AuditEvent storeResults(DataSource dataSource, long firstId) throws SQLException {
        ResultDigest digest = new ResultDigest();
        Instant at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(firstId);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RESULT_INSERT)) {
            for (long id = firstId; id < firstId + RESULTS_PER_DIGEST; id++) {
                String target = "host-" + (id % 1000);
                String probe = "daily/ports/0/" + target;
                long durationUs = 200 + id % 700;
                double connectMs = durationUs / 1000.0;
                insert.setLong(1, id);
                insert.setString(2, probe);
                insert.setString(3, target);
                insert.setObject(4, at.atOffset(ZoneOffset.UTC));
                insert.setLong(5, durationUs);
                insert.setString(6, "{\"connect_ms\":" + connectMs + "}");
                insert.addBatch();
                digest.add(
                        id,
                        ResultDigest.row(
                                id, probe, at, durationUs, "up", Map.of("connect_ms", connectMs), List.of(), null));
            }
            insert.executeBatch();
        }
        return new AuditEvent(AuditLog.SYSTEM, ResultDigest.ACTION, ResultDigest.SUBJECT, digest.detail());
    }

    private static long storedEntries(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_log");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Wall and process CPU time of the counted rounds of one kind of work. */
    private static final class Phase {
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long rows;
        private long wallNanos;
        private long cpuNanos;
        private int rounds;
        private double bestWall = Double.MAX_VALUE;

        interface Work {
            long run() throws SQLException;
        }

        void run(boolean counted, Work work) throws SQLException {
            long wallStart = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            long done = work.run();
            long wall = System.nanoTime() - wallStart;
            long cpu = OS.getProcessCpuTime() - cpuStart;
            if (counted) {
                rows += done;
                wallNanos += wall;
                cpuNanos += cpu;
                rounds++;
                bestWall = Math.min(bestWall, wall / 1e9);
            }
        }

        double wallSeconds() {
            return wallNanos / 1e9 / rounds;
        }

        double cpuSeconds() {
            return cpuNanos / 1e9 / rounds;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,d rows: mean %.2f s wall (best %.2f s), %.2f s CPU; %,.0f rows/s",
                    rows / rounds,
                    wallSeconds(),
                    bestWall,
                    cpuSeconds(),
                    rows / (wallNanos / 1e9));
        }
    }

    private static AgroalDataSource pool(String url) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(4)
                        .connectionFactoryConfiguration(
                                factory -> factory.jdbcUrl(url).principal(new NamePrincipal("sa")))));
    }
}
