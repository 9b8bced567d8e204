package dev.rounds.report.rollup;

import dev.rounds.TestClock;
import dev.rounds.audit.ChainedAuditLog;
import dev.rounds.checklist.ConditionOutcome;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Disk per probe result, measured after a simulated month and projected to a year for 1,000 and 10,000 probe×target
 * pairs at {@code every: 1m}. Results go through the application's own writer (a batch, with its audit digest entry,
 * every simulated minute: the year's digests are then counted at one per 5 s, the entry's size being the same), the
 * rollup fold (every simulated 10 minutes) and the hourly
 * pruning ({@link ResultPruning} with {@code max-rows} scaled to the pairs simulated, {@link HourlyRollupRetention}),
 * on H2 (the file, live and compacted) and on PostgreSQL (a database of its own). The baseline beside it, in the same
 * run: the same month's results as gzipped CSV, the least a raw row could take.
 *
 * <pre>
 * java -cp $CP dev.rounds.report.rollup.DiskBenchmark [pairs, 100] [days, 30] [h2,postgresql]
 * </pre>
 */
public final class DiskBenchmark {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** The application's flush interval: a year's digest entries are one per interval. */
    private static final Duration FLUSH = Duration.ofSeconds(5);

    private static final int SCALE_PAIRS = 10_000;
    private static final long MAX_ROWS = 5_000_000;
    private static final Duration HOURLY_RETENTION = Duration.ofDays(35);
    private static final ProbeSpec EVERY_MINUTE = new ProbeSpec(
            0, "tcp", "t", List.of(), Map.of(), Duration.ofMinutes(1), Duration.ofSeconds(2), 2, List.of());
    private static final String[] TABLES = {
        "probe_result", "audit_log", "rollup_target_hour", "rollup_target_day", "rollup_value_day", "probe_state"
    };

    private DiskBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> databases = List.of((args.length > 2 ? args[2] : "h2,postgresql").split(","));
        long maxRows = Math.max(1, MAX_ROWS * pairs / SCALE_PAIRS);
        System.out.printf(
                Locale.ROOT,
                "%d pairs every 1m for %d simulated days (%,d results), a batch a minute, max-rows %,d (5,000,000 scaled"
                        + " to %d pairs), hourly rollups kept %d days; %d cores%n",
                pairs,
                days,
                (long) pairs * days * 1440,
                maxRows,
                pairs,
                HOURLY_RETENTION.toDays(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "baseline  gzipped CSV of the same results: %.1f B/result%n", gzippedCsvBytes());
        for (String database : databases) {
            Path folder = Files.createTempDirectory("rounds-disk");
            try (Database db = database.equals("h2") ? Database.h2(folder) : Database.postgresql()) {
                simulate(db, pairs, days, maxRows);
            }
        }
    }

    private static void simulate(Database db, int pairs, int days, long maxRows) throws SQLException, IOException {
        long began = System.nanoTime();
        var clock = new TestClock();
        clock.set(START);
        try (Connection connection = db.connect();
                Connection folding = db.connect()) {
            connection.setAutoCommit(false);
            folding.setAutoCommit(false);
            // Each audit entry on the connection of the work it records, in its transaction, as in the application.
            var audit = new ChainedAuditLog(onlyConnection(connection), clock);
            var writer = new ResultWriter(
                    work -> {
                        try {
                            work.run(connection);
                            connection.commit();
                        } catch (SQLException failure) {
                            throw new IllegalStateException(failure);
                        }
                    },
                    audit,
                    ResultWriter.ID_BLOCK,
                    FLUSH,
                    ResultWriter.ID_BLOCK * 10,
                    new SimpleMeterRegistry());
            var fold = new RollupFold(20_000, ZoneOffset.UTC, key -> EVERY_MINUTE, clock, Duration.ZERO);
            var results = new ResultPruning(
                    new ChainedAuditLog(onlyConnection(folding), clock), Duration.ofDays(90), maxRows, 20_000);
            var hours = new HourlyRollupRetention(HOURLY_RETENTION);
            PruningTransactions onFolding = step -> {
                try {
                    long done = step.run(folding);
                    folding.commit();
                    return done;
                } catch (SQLException failure) {
                    throw new IllegalStateException(failure);
                }
            };
            var random = new SplittableRandom(15);
            long minutes = days * 1440L;
            long liveWeekBefore = db.liveBytes();
            for (long minute = 0; minute < minutes; minute++) {
                Instant slot = START.plus(Duration.ofMinutes(minute));
                clock.set(slot.plus(Duration.ofMinutes(1)));
                for (int pair = 0; pair < pairs; pair++) writer.submit(result(pair, slot, pairs, random), slot);
                writer.flush();
                if (minute % 10 == 9) {
                    while (fold.foldNextChunk(folding) > 0) folding.commit();
                    folding.commit();
                }
                if (minute % 60 == 45) {
                    results.prune(clock.instant(), onFolding);
                    hours.prune(clock.instant(), onFolding);
                }
                if (minute % 1440 == 1439) db.dailyMaintenance();
                if (minute > 0 && minute % (7 * 1440) == 0) {
                    long live = db.liveBytes();
                    System.out.printf(
                            Locale.ROOT,
                            "  %s day %d: %s live, %s (%.0f B/result) more than a week before, %.0f s%n",
                            db.name(),
                            minute / 1440,
                            mib(live),
                            mib(live - liveWeekBefore),
                            (live - liveWeekBefore) / (7.0 * 1440 * pairs),
                            (System.nanoTime() - began) / 1e9);
                    liveWeekBefore = live;
                }
            }
        }
        report(db, pairs, days, maxRows, (System.nanoTime() - began) / 1e9);
    }

    private static ProbeResult result(int pair, Instant slot, int pairs, SplittableRandom random) {
        Instant started = slot.plusMillis(60_000L * pair / pairs);
        boolean down = random.nextInt(2000) == 0;
        Duration connect = Duration.ofNanos(150_000 + random.nextInt(900_000));
        String target = String.format(Locale.ROOT, "app-%05d.example.org", pair);
        return new ProbeResult(
                new ProbeKey("daily", "service-up", 0, target),
                "tcp",
                started,
                connect.plusNanos(40_000),
                down ? ProbeStatus.DOWN : ProbeStatus.UP,
                down ? Map.of("connected", false) : Map.of("connected", true, "connect_time", connect),
                List.of(new ConditionOutcome("connected == true", !down)),
                down ? "connection refused by " + target + ":443" : "connected to " + target + ":443");
    }

    private static void report(Database db, int pairs, int days, long maxRows, double seconds) throws SQLException {
        long live = db.liveBytes();
        long compacted = db.compactedBytes();
        Map<String, long[]> tables = new LinkedHashMap<>();
        try (Connection connection = db.connect()) {
            for (String table : TABLES) {
                tables.put(table, new long[] {count(connection, table), db.bytes(connection, table)});
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s after %d simulated days of %d pairs (%.0f s): %s live, %s compacted; tables compacted:%n",
                db.name(),
                days,
                pairs,
                seconds,
                mib(live),
                mib(compacted));
        for (Map.Entry<String, long[]> table : tables.entrySet()) {
            long rows = table.getValue()[0];
            long bytes = table.getValue()[1];
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s %,12d rows %12s %8.1f B/row%n",
                    table.getKey(),
                    rows,
                    mib(bytes),
                    rows == 0 ? 0 : (double) bytes / rows);
        }
        // A year at 1,000 and 10,000 pairs from the measured bytes per row: raw results are held at max-rows (plus an
        // hour's growth between prunings), hourly rollups at their retention, daily rollups and digests grow a year.
        double resultRow = perRow(tables, "probe_result");
        double hourRow = perRow(tables, "rollup_target_hour");
        double dayRow = perRow(tables, "rollup_target_day") + perRow(tables, "rollup_value_day");
        double digest = perRow(tables, "audit_log");
        double liveOverCompacted = (double) live / compacted;
        for (int scale : new int[] {1_000, 10_000}) {
            long perHour = scale * 60L;
            double raw = Math.min(scale * 1440L * 90, MAX_ROWS + perHour) * resultRow;
            double hourly = scale * 24L * HOURLY_RETENTION.toDays() * hourRow;
            double daily = scale * 365L * dayRow;
            double digests = 365L * 86_400 / FLUSH.toSeconds() * digest;
            double total = raw + hourly + daily + digests;
            System.out.printf(
                    Locale.ROOT,
                    "  a year of %,d pairs: raw %s + hourly %s + daily %s + digests %s = %s compacted; x%.2f as the"
                            + " live file was = %s%n",
                    scale,
                    gib(raw),
                    gib(hourly),
                    gib(daily),
                    gib(digests),
                    gib(total),
                    liveOverCompacted,
                    gib(total * liveOverCompacted));
        }
    }

    /** A data source that hands out the one connection, whose close leaves it open. */
    private static DataSource onlyConnection(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) return null;
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) return unclosable;
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static double perRow(Map<String, long[]> tables, String table) {
        long[] figures = tables.get(table);
        return figures[0] == 0 ? 0 : (double) figures[1] / figures[0];
    }

    /** The month's first hour of results for 100 pairs as CSV, gzipped: bytes per result. */
    private static double gzippedCsvBytes() throws IOException {
        var random = new SplittableRandom(15);
        var csv = new StringBuilder();
        int count = 0;
        for (int minute = 0; minute < 60; minute++) {
            for (int pair = 0; pair < 100; pair++) {
                ProbeResult r = result(pair, START.plus(Duration.ofMinutes(minute)), 100, random);
                csv.append(r.key())
                        .append(',')
                        .append(r.startedAt())
                        .append(',')
                        .append(r.duration().toNanos() / 1000)
                        .append(',')
                        .append(r.status().label())
                        .append(',')
                        .append(r.values().getOrDefault("connect_time", ""))
                        .append('\n');
                count++;
            }
        }
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        return (double) bytes.size() / count;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1 << 20));
    }

    private static String gib(double bytes) {
        return String.format(Locale.ROOT, "%,.2f GiB", bytes / (1L << 30));
    }

    /** The database a run measures: its connections, its sizes, and how it is dropped. */
    private interface Database extends AutoCloseable {

        String name();

        DataSource dataSource();

        default Connection connect() throws SQLException {
            return dataSource().getConnection();
        }

        /** On-disk bytes of the table with its indexes. */
        long bytes(Connection connection, String table) throws SQLException;

        long liveBytes();

        /** What the database's own housekeeping would have done in a day. */
        default void dailyMaintenance() throws SQLException {}

        long compactedBytes() throws SQLException;

        @Override
        void close() throws SQLException;

        static Database h2(Path folder) {
            String url = "jdbc:h2:file:" + folder.resolve("rounds") + ";DB_CLOSE_ON_EXIT=FALSE";
            migrate(url, "rounds", "h2");
            var source = new JdbcDataSource();
            source.setURL(url);
            source.setUser("rounds");
            Path file = folder.resolve("rounds.mv.db");
            return new Database() {
                public String name() {
                    return "H2";
                }

                public DataSource dataSource() {
                    return source;
                }

                public long bytes(Connection connection, String table) throws SQLException {
                    try (PreparedStatement size =
                            connection.prepareStatement("SELECT DB_OBJECT_TOTAL_SIZE('TABLE', 'PUBLIC', ?)")) {
                        size.setString(1, table.toUpperCase(Locale.ROOT));
                        try (ResultSet row = size.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    }
                }

                public long liveBytes() {
                    return file.toFile().length();
                }

                public long compactedBytes() throws SQLException {
                    try (Connection connection = connect()) {
                        connection.createStatement().execute("SHUTDOWN COMPACT");
                    }
                    return file.toFile().length();
                }

                public void close() {
                    try (var files = Files.walk(folder)) {
                        files.sorted(java.util.Comparator.reverseOrder())
                                .forEach(p -> p.toFile().delete());
                    } catch (IOException ignored) {
                        // a temporary folder
                    }
                }
            };
        }

        static Database postgresql() throws SQLException {
            String name = "rounds_disk_" + Long.toHexString(System.nanoTime());
            String server = "jdbc:postgresql://127.0.0.1:5432/";
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE " + name);
            }
            migrate(server + name, "postgres", "postgresql");
            var source = new PGSimpleDataSource();
            source.setURL(server + name);
            source.setUser("postgres");
            // Sizes do not depend on it, and a month of commits with fsync would take hours on this machine.
            source.setOptions("-c synchronous_commit=off");
            return new Database() {
                public String name() {
                    return "PostgreSQL";
                }

                public DataSource dataSource() {
                    return source;
                }

                public long bytes(Connection connection, String table) throws SQLException {
                    try (PreparedStatement size = connection.prepareStatement("SELECT pg_total_relation_size(?)")) {
                        size.setString(1, table);
                        try (ResultSet row = size.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    }
                }

                public long liveBytes() {
                    try (Connection connection = connect();
                            ResultSet row = connection
                                    .createStatement()
                                    .executeQuery("SELECT pg_database_size(current_database())")) {
                        row.next();
                        return row.getLong(1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                /**
                 * Autovacuum is off on this machine's server (SHOW autovacuum), and without it every deleted or updated
                 * row would stay on disk; a plain VACUUM a day is what a server with its default settings does at least.
                 */
                @Override
                public void dailyMaintenance() throws SQLException {
                    try (Connection connection = connect()) {
                        connection.createStatement().execute("VACUUM");
                    }
                }

                public long compactedBytes() throws SQLException {
                    try (Connection connection = connect()) {
                        connection.createStatement().execute("VACUUM FULL");
                    }
                    return liveBytes();
                }

                public void close() throws SQLException {
                    try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
                        admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                }
            };
        }

        private static void migrate(String url, String user, String vendor) {
            Flyway.configure()
                    .dataSource(url, user, "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .load()
                    .migrate();
        }
    }
}
