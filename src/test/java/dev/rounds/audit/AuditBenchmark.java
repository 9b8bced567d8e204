package dev.rounds.audit;

import com.sun.management.OperatingSystemMXBean;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Audit log throughput, each figure next to a baseline measured in the same run: appending entries in batches
 * (one transaction and one lock per batch) against plain JDBC batch inserts of the same rows without hashing,
 * single appends (one transaction each, as a person's decision is written) against single plain inserts, and
 * verifying the chain against reading the same rows without hashing. Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.rounds.audit.AuditBenchmark [entries] [jdbc-url]
 * </pre>
 *
 * <p>{@code entries} defaults to 100000; {@code jdbc-url} to a new file-based H2 database in a temporary folder.
 * A PostgreSQL URL ({@code jdbc:postgresql://127.0.0.1:5432/NAME}, user postgres) must name an empty database.
 */
public final class AuditBenchmark {

    private static final int BATCH = 1000;
    private static final String BENCH_ACTION = "benchmark.digest-shaped";
    private static final int SINGLES = 2000;
    private static final String BASELINE_TABLE = "CREATE TABLE audit_bench_baseline (seq BIGINT NOT NULL PRIMARY KEY,"
            + " at VARCHAR(32) NOT NULL, actor VARCHAR(255) NOT NULL, action VARCHAR(255) NOT NULL,"
            + " subject VARCHAR(2000) NOT NULL, detail TEXT NOT NULL, prev_hash CHAR(64) NOT NULL,"
            + " hash CHAR(64) NOT NULL)";
    private static final String BASELINE_INDEX =
            "CREATE INDEX audit_bench_baseline_action" + " ON audit_bench_baseline (action, seq)";
    private static final String BASELINE_INSERT = "INSERT INTO audit_bench_baseline"
            + " (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String url = args.length > 1
                ? args[1]
                : "jdbc:h2:file:"
                        + Files.createTempDirectory("rounds-audit-bench").resolve("audit");
        List<AuditEvent> events = digestEvents(entries);

        // Warm the JIT on hashing, canonical JSON, the pool and H2's file storage, so that the measured phases
        // show steady-state work rather than compilation.
        Path warmFolder = Files.createTempDirectory("rounds-audit-warmup");
        try (AgroalDataSource warm = pool("jdbc:h2:file:" + warmFolder.resolve("audit"))) {
            migrate(warm, "jdbc:h2:file:");
            run(warm, events.subList(0, Math.min(entries, 100_000)), false);
        }
        deleteFolder(warmFolder);

        System.out.printf(
                Locale.ROOT,
                "audit benchmark: %,d entries in batches of %,d, %s, %s%n",
                entries,
                BATCH,
                url,
                Runtime.version());
        try (AgroalDataSource dataSource = pool(url)) {
            migrate(dataSource, url);
            run(dataSource, events, true);
        }
        if (url.startsWith("jdbc:h2:file:")) {
            deleteFolder(Path.of(url.substring("jdbc:h2:file:".length())).getParent());
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    private static void run(DataSource dataSource, List<AuditEvent> events, boolean print) throws SQLException {
        ChainedAuditLog log = new ChainedAuditLog(dataSource, Clock.systemUTC());
        AuditVerifier verifier = new AuditVerifier(dataSource);
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute(BASELINE_TABLE);
            ddl.execute(BASELINE_INDEX);
        }
        List<String> details = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            details.add(CanonicalJson.of(event.detail()));
        }

        // Baseline and chain alternate batch by batch, so that load from other processes hits both alike.
        Phase baselineBatched = new Phase();
        Phase chainBatched = new Phase();
        for (int from = 0; from < events.size(); from += BATCH) {
            int to = Math.min(events.size(), from + BATCH);
            baselineBatched.start();
            baselineInsert(dataSource, events.subList(from, to), details.subList(from, to), from, BATCH);
            baselineBatched.stop(to - from);
            chainBatched.start();
            log.appendAll(events.subList(from, to));
            chainBatched.stop(to - from);
        }

        int singles = Math.min(SINGLES, events.size());
        Phase baselineSingle = new Phase();
        Phase chainSingle = new Phase();
        for (int i = 0; i < singles; i++) {
            AuditEvent event = events.get(i);
            baselineSingle.start();
            baselineInsert(dataSource, List.of(event), details.subList(i, i + 1), events.size() + i, 1);
            baselineSingle.stop(1);
            chainSingle.start();
            log.append(event.actor(), event.action(), event.subject(), event.detail());
            chainSingle.stop(1);
        }

        Phase baselineVerify = new Phase();
        Phase chainVerify = new Phase();
        VerificationReport report = null;
        for (int round = 0; round < 2; round++) {
            baselineVerify.start();
            baselineVerify.stop(VerifyBenchmark.plainRead(dataSource, "audit_bench_baseline", null));
            chainVerify.start();
            report = verifier.verify();
            chainVerify.stop(report.entriesChecked());
        }
        if (!report.ok() || report.entriesChecked() != events.size() + singles) {
            throw new IllegalStateException("the benchmark's own chain does not verify: " + report);
        }
        if (print) {
            line("append, batched", chainBatched, baselineBatched, "plain batch insert without hashing");
            line("append, single", chainSingle, baselineSingle, "plain single-row insert, commit each");
            line("verify", chainVerify, baselineVerify, "plain read of the same rows");
            System.out.printf(
                    Locale.ROOT,
                    "verified %,d entries in %.2f s (%.2f s of CPU); DESIGN's bars:"
                            + " >= 10,000 appended/s, 1,000,000 verified in < 5 s%n",
                    report.entriesChecked(),
                    chainVerify.wallNanos / 2e9,
                    chainVerify.cpuNanos / 2e9);
        }
    }

    private static void line(String what, Phase chain, Phase baseline, String baselineName) {
        System.out.printf(
                Locale.ROOT,
                "%-16s %,9.0f entries/s (%,9.0f per CPU s)   baseline %,9.0f rows/s"
                        + " (%,9.0f per CPU s) [%s]   ratio %.2f%n",
                what,
                chain.perSecond(),
                chain.perCpuSecond(),
                baseline.perSecond(),
                baseline.perCpuSecond(),
                baselineName,
                chain.perSecond() / baseline.perSecond());
    }

    /**
     * Wall time and the process's CPU time of one measured kind of work, summed over its slices. Embedded H2 works
     * on the calling threads, so CPU time shows the work itself when other processes compete for the two cores.
     */
    private static final class Phase {
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long count;
        private long wallNanos;
        private long cpuNanos;
        private long wallStart;
        private long cpuStart;

        void start() {
            wallStart = System.nanoTime();
            cpuStart = OS.getProcessCpuTime();
        }

        void stop(long done) {
            wallNanos += System.nanoTime() - wallStart;
            cpuNanos += OS.getProcessCpuTime() - cpuStart;
            count += done;
        }

        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        double perCpuSecond() {
            return count / (cpuNanos / 1e9);
        }
    }

    /** Inserts the same rows the chain writes, with fixed hashes, one transaction per batch. */
    private static void baselineInsert(
            DataSource dataSource, List<AuditEvent> events, List<String> details, long seqOffset, int batch)
            throws SQLException {
        String at = AuditHash.timestamp(Clock.systemUTC().instant());
        for (int from = 0; from < events.size(); from += batch) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement(BASELINE_INSERT)) {
                    for (int i = from; i < Math.min(events.size(), from + batch); i++) {
                        AuditEvent event = events.get(i);
                        insert.setLong(1, seqOffset + i + 1);
                        insert.setString(2, at);
                        insert.setString(3, event.actor());
                        insert.setString(4, event.action());
                        insert.setString(5, event.subject());
                        insert.setString(6, details.get(i));
                        insert.setString(7, AuditHash.ZERO);
                        insert.setString(8, AuditHash.ZERO);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Entries shaped like the most frequent real ones: a probe-result batch digest each. */
    private static List<AuditEvent> digestEvents(int count) {
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(digestShaped(i));
        }
        return events;
    }

    /**
     * The {@code i}th entry of a digest's shape and size, under an action of its own: verify checks each real digest
     * against the results it covers, and these cover none.
     */
    static AuditEvent digestShaped(int i) {
        byte[] sha = new byte[32];
        for (int b = 0; b < sha.length; b++) {
            sha[b] = (byte) (i * 31 + b * 7);
        }
        return new AuditEvent(
                AuditLog.SYSTEM,
                BENCH_ACTION,
                ResultDigest.SUBJECT,
                Map.of(
                        "first_id",
                        i * 500L + 1,
                        "last_id",
                        i * 500L + 500,
                        "count",
                        500,
                        "sha256",
                        HexFormat.of().formatHex(sha)));
    }

    private static AgroalDataSource pool(String url) throws SQLException {
        String user = url.startsWith("jdbc:postgresql:") ? "postgres" : "sa";
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(4)
                        .connectionFactoryConfiguration(
                                factory -> factory.jdbcUrl(url).principal(new NamePrincipal(user)))));
    }

    private static void migrate(DataSource dataSource, String url) {
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }
}
