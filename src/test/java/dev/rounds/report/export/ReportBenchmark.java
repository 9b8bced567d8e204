package dev.rounds.report.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.checklist.MaintenanceWindow;
import dev.rounds.checklist.ServiceHours;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import dev.rounds.report.rollup.Rollups;
import dev.rounds.report.rollup.ValuePoint;
import dev.rounds.report.sla.LatencyHistogram;
import dev.rounds.report.sla.SlaCalculator;
import dev.rounds.report.sla.SlaFigures;
import dev.rounds.report.sla.SlaInputs;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The monthly review's data and the yearly SLA export of 500 targets read from a year of rollups, against the same
 * figures computed from raw results, on an H2 file database of its own. Each target has one continuous TCP probe
 * every 5 minutes (outages, gaps and errors drawn from a fixed seed); one target in ten also has an hourly disk metric.
 * The rollups of the whole year are filled directly from those results (52 M results would take hours to insert and
 * fold); raw rows are filled for the review month only, and the raw year is that month scaled per target-hour. The
 * month's figures from both sides are compared, so the two fills are known to describe the same results.
 * Not a test: run it by hand.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.rounds.report.export.ReportBenchmark [targets] [runs]
 * </pre>
 */
public final class ReportBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant YEAR_START =
            LocalDateTime.parse("2025-12-01T00:00").atZone(ZONE).toInstant();
    private static final Instant YEAR_END =
            LocalDateTime.parse("2026-12-01T00:00").atZone(ZONE).toInstant();
    /** March 2026: a month with a daylight-saving change, 743 hours. */
    private static final LocalDate MONTH_FIRST = LocalDate.parse("2026-03-01");

    private static final LocalDate MONTH_LAST = LocalDate.parse("2026-03-31");
    private static final Duration EVERY = Duration.ofMinutes(5);
    private static final int CONFIRM = 2;
    private static final String DISK = "disk_used";
    private static final int UP = 0;
    private static final int WARN = 1;
    private static final int DOWN = 2;
    private static final int ERROR = 3;
    private static final String[] STATUS = {"up", "warn", "down", "error"};
    private static final ServiceHours OFFICE = new ServiceHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            Duration.ofHours(10),
            "Mon-Fri 08:00-18:00");
    private static final List<MaintenanceWindow> WINDOWS =
            List.of(new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(4)));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Target> targets = new ArrayList<>();
    private final Interval year = new Interval(YEAR_START, YEAR_END);
    private final Interval month = new Interval(
            MONTH_FIRST.atStartOfDay(ZONE).toInstant(),
            MONTH_LAST.plusDays(1).atStartOfDay(ZONE).toInstant());
    /** Pooled as the application's data source is: H2 would otherwise open and close the database per query. */
    private final JdbcConnectionPool dataSource;

    private final Rollups rollups;

    private ReportBenchmark(int count, Path folder) {
        int slots = (int) (Duration.between(YEAR_START, YEAR_END).getSeconds() / EVERY.getSeconds());
        for (int t = 0; t < count; t++) targets.add(new Target(t, slots));
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("rounds") + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1048576");
        h2.setUser("rounds");
        h2.setPassword("");
        dataSource = JdbcConnectionPool.create(h2);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        rollups = new Rollups(dataSource, ZONE);
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("report-benchmark");
        ReportBenchmark benchmark = null;
        try {
            benchmark = new ReportBenchmark(count, folder);
            benchmark.run(runs);
        } finally {
            if (benchmark != null) benchmark.dataSource.dispose();
            try (var files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a))
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(int runs) throws SQLException {
        long start = System.nanoTime();
        long hourRows = fillRollups();
        double rollupFill = seconds(System.nanoTime() - start);
        System.out.printf(
                "filled a year of rollups: %,d hourly rows for %d targets in %.1f s%n",
                hourRows, targets.size(), rollupFill);
        start = System.nanoTime();
        long rawRows = fillRaw();
        double rawFill = seconds(System.nanoTime() - start);
        System.out.printf("filled %,d raw results of %s..%s in %.1f s%n", rawRows, MONTH_FIRST, MONTH_LAST, rawFill);

        List<SlaFigures> fromRollups = monthlyFromRollups();
        List<SlaFigures> fromRaw = monthlyFromRaw();
        long agree = 0;
        for (int i = 0; i < fromRollups.size(); i++) if (same(fromRollups.get(i), fromRaw.get(i))) agree++;
        System.out.printf(
                "the month's SLA figures from rollups and from raw results agree for %d of %d targets%n",
                agree, targets.size());

        Timing monthly = time("monthly review data from rollups", runs, this::monthlyFromRollups);
        Timing yearly = time("yearly SLA export from rollups", runs, () -> csv(slaFromRollups(year)).length);
        Timing monthlyRaw = time("monthly review data from raw results", runs, this::monthlyFromRaw);
        Timing monthSlaRaw = time("the month's SLA export from raw results", runs, () -> csv(slaFromRaw()).length);
        double scale = (double) Duration.between(YEAR_START, YEAR_END).toHours()
                / Duration.between(month.from(), month.to()).toHours();

        System.out.printf(
                "%n%d targets, best of %d runs after a warm-up, load average %.1f on %d cores%n",
                targets.size(),
                runs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-52s %10s %10s%n", "", "wall ms", "CPU ms");
        System.out.printf("%-52s %10.0f%n", "fill: a year of rollups (s)", rollupFill);
        System.out.printf("%-52s %10.0f%n", "fill: a month of raw results (s)", rawFill);
        row("monthly review data from rollups", monthly, 1);
        row("monthly review data from raw results", monthlyRaw, 1);
        row("yearly SLA export from rollups", yearly, 1);
        row(String.format("yearly SLA export from raw results (month x %.2f)", scale), monthSlaRaw, scale);
        System.out.printf(
                "ratio raw/rollups: monthly review %.1fx wall (%.1fx CPU), yearly SLA export %.1fx wall"
                        + " (%.1fx CPU)%n",
                monthlyRaw.wall / monthly.wall,
                monthlyRaw.cpu / monthly.cpu,
                monthSlaRaw.wall * scale / yearly.wall,
                monthSlaRaw.cpu * scale / yearly.cpu);
    }

    /** The monthly review's reads: each target's SLA figures and daily stats, the month's alerts, disk values. */
    private List<SlaFigures> monthlyFromRollups() {
        List<SlaFigures> figures = slaFromRollups(month);
        long checksum = rollups.incidents(month).size();
        for (Target target : targets) {
            checksum += rollups.days(target.id, MONTH_FIRST, MONTH_LAST).size();
            if (target.hasDisk()) {
                checksum += rollups.values(target.diskKey, DISK, month).stream()
                        .mapToDouble(ValuePoint::mean)
                        .count();
            }
        }
        if (checksum == 0) throw new IllegalStateException("the rollups are empty");
        return figures;
    }

    /** Each target's figures as SlaService computes them, with "now" after the year. */
    private List<SlaFigures> slaFromRollups(Interval period) {
        var figures = new ArrayList<SlaFigures>();
        for (Target target : targets) {
            figures.add(SlaCalculator.compute(target.inputs(
                    period,
                    rollups.incidents(target.id, period),
                    rollups.unknown(target.id, period, YEAR_END),
                    rollups.latency(target.id, period))));
        }
        return figures;
    }

    /** The same as {@link #monthlyFromRollups()} as a report without rollups would: scanning the raw results. */
    private List<SlaFigures> monthlyFromRaw() {
        List<SlaFigures> figures = slaFromRaw();
        long checksum = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT started_at, values_json"
                        + " FROM probe_result WHERE probe_key = ? AND started_at >= ? AND started_at < ?"
                        + " ORDER BY started_at")) {
            for (Target target : targets) {
                if (!target.hasDisk()) continue;
                Map<LocalDate, double[]> sums = new TreeMap<>();
                bind(select, target.diskKey, month);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        LocalDate day = LocalDate.ofInstant(
                                rows.getObject(1, OffsetDateTime.class).toInstant(), ZONE);
                        double[] sum = sums.computeIfAbsent(day, d -> new double[2]);
                        sum[0] += JSON.readTree(rows.getString(2)).get(DISK).doubleValue();
                        sum[1]++;
                    }
                }
                checksum += sums.values().stream()
                        .mapToDouble(sum -> sum[0] / sum[1])
                        .count();
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (checksum == 0) throw new IllegalStateException("no disk values among the raw results");
        return figures;
    }

    /** The month's SLA figures and daily counts of every target, folded from its raw results in one scan each. */
    private List<SlaFigures> slaFromRaw() {
        var figures = new ArrayList<SlaFigures>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT started_at, duration_us, status"
                        + " FROM probe_result WHERE probe_key = ? AND started_at >= ? AND started_at < ?"
                        + " ORDER BY started_at")) {
            for (Target target : targets) {
                var fold = new Fold(target);
                bind(select, target.tcpKey, month);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        fold.add(
                                rows.getObject(1, OffsetDateTime.class).toInstant(),
                                status(rows.getString(3)),
                                rows.getLong(2));
                    }
                }
                figures.add(
                        SlaCalculator.compute(target.inputs(month, fold.incidents, fold.unknown(month), fold.latency)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return figures;
    }

    private static byte[] csv(List<SlaFigures> figures) {
        var out = new ByteArrayOutputStream();
        Csv.write(out, SlaRow.HEADER, figures.stream().map(SlaRow::of).toList(), SlaRow::fields);
        return out.toByteArray();
    }

    private long fillRollups() throws SQLException {
        long hourRows = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement hour = connection.prepareStatement("INSERT INTO rollup_target_hour (target_id,"
                        + " bucket_start, up_count, warn_count, down_count, error_count, unknown_count, latency,"
                        + " first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
                PreparedStatement day = connection.prepareStatement("INSERT INTO rollup_target_day (target_id,"
                        + " bucket_day, up_count, warn_count, down_count, error_count, unknown_count, latency,"
                        + " first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
                PreparedStatement value = connection.prepareStatement("INSERT INTO rollup_value_day (probe_key,"
                        + " value_name, bucket_day, checklist_id, activity_id, n, total, min_value, max_value,"
                        + " last_value, last_at) VALUES (?, ?, ?, 'bench', 'capacity', ?, ?, ?, ?, ?, ?)");
                PreparedStatement incident = connection.prepareStatement("INSERT INTO incident (target_id, probe_key,"
                        + " checklist_id, activity_id, continuous, started_at, confirmed_at, ended_at, message)"
                        + " VALUES (?, ?, 'bench', 'availability', TRUE, ?, ?, ?, 'down')");
                PreparedStatement unknown = connection.prepareStatement(
                        "INSERT INTO rollup_unknown (target_id, started_at, ended_at) VALUES (?, ?, ?)");
                PreparedStatement coverage = connection.prepareStatement("INSERT INTO rollup_coverage (target_id,"
                        + " first_covered_at, covered_until) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (Target target : targets) {
                var fold = new Fold(target);
                Bucket hourBucket = null;
                Bucket dayBucket = null;
                for (int slot = 0; slot < target.slots; slot++) {
                    if (!target.present(slot)) continue;
                    Instant at = target.at(slot);
                    int status = target.status(slot);
                    long micros = target.micros(slot, status);
                    fold.add(at, status, micros);
                    Instant hourStart = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                    if (hourBucket == null || !hourBucket.key.equals(hourStart)) {
                        if (hourBucket != null)
                            hourRows += hourBucket.write(hour, target.id, timestamp((Instant) hourBucket.key));
                        hourBucket = new Bucket(hourStart);
                    }
                    hourBucket.add(at, status, micros);
                    LocalDate localDay = LocalDate.ofInstant(at, ZONE);
                    if (dayBucket == null || !dayBucket.key.equals(localDay)) {
                        if (dayBucket != null) dayBucket.write(day, target.id, dayBucket.key);
                        dayBucket = new Bucket(localDay);
                    }
                    dayBucket.add(at, status, micros);
                }
                hourRows += hourBucket.write(hour, target.id, timestamp((Instant) hourBucket.key));
                dayBucket.write(day, target.id, dayBucket.key);
                for (Incident found : fold.incidents) {
                    incident.setString(1, target.id);
                    incident.setString(2, target.tcpKey);
                    incident.setObject(3, timestamp(found.startedAt()));
                    incident.setObject(4, timestamp(found.confirmedAt()));
                    incident.setObject(5, found.endedAt() == null ? null : timestamp(found.endedAt()));
                    incident.addBatch();
                }
                for (Interval gap : fold.gaps) {
                    unknown.setString(1, target.id);
                    unknown.setObject(2, timestamp(gap.from()));
                    unknown.setObject(3, timestamp(gap.to()));
                    unknown.addBatch();
                }
                coverage.setString(1, target.id);
                coverage.setObject(2, timestamp(fold.firstCovered));
                coverage.setObject(3, timestamp(fold.coveredUntil));
                coverage.addBatch();
                if (target.hasDisk()) fillDiskDays(target, value);
                for (PreparedStatement batch : List.of(hour, day, value, incident, unknown, coverage)) {
                    batch.executeBatch();
                }
                connection.commit();
            }
        }
        return hourRows;
    }

    private void fillDiskDays(Target target, PreparedStatement value) throws SQLException {
        Map<LocalDate, List<Instant>> hours = new TreeMap<>();
        for (Instant at = YEAR_START; at.isBefore(YEAR_END); at = at.plus(Duration.ofHours(1))) {
            hours.computeIfAbsent(LocalDate.ofInstant(at, ZONE), d -> new ArrayList<>())
                    .add(at);
        }
        for (Map.Entry<LocalDate, List<Instant>> day : hours.entrySet()) {
            List<Instant> times = day.getValue();
            double[] values = times.stream().mapToDouble(target::disk).toArray();
            value.setString(1, target.diskKey);
            value.setString(2, DISK);
            value.setObject(3, day.getKey());
            value.setLong(4, values.length);
            value.setDouble(5, java.util.Arrays.stream(values).sum());
            value.setDouble(6, java.util.Arrays.stream(values).min().orElseThrow());
            value.setDouble(7, java.util.Arrays.stream(values).max().orElseThrow());
            value.setDouble(8, values[values.length - 1]);
            value.setObject(9, timestamp(times.get(times.size() - 1)));
            value.addBatch();
        }
    }

    private long fillRaw() throws SQLException {
        long rows = 0;
        long id = 1;
        int firstSlot = (int) (Duration.between(YEAR_START, month.from()).getSeconds() / EVERY.getSeconds());
        int lastSlot = (int) (Duration.between(YEAR_START, month.to()).getSeconds() / EVERY.getSeconds());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO probe_result (id, probe_key,"
                        + " checklist_id, activity_id, probe_index, target_id, type, started_at, duration_us, status,"
                        + " values_json, conditions_json, message) VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " '[]', ?)")) {
            connection.setAutoCommit(false);
            for (Target target : targets) {
                for (int slot = firstSlot; slot < lastSlot; slot++) {
                    if (!target.present(slot)) continue;
                    int status = target.status(slot);
                    insert.setLong(1, id++);
                    insert.setString(2, target.tcpKey);
                    insert.setString(3, "availability");
                    insert.setInt(4, 0);
                    insert.setString(5, target.id);
                    insert.setString(6, "tcp");
                    insert.setObject(7, timestamp(target.at(slot)));
                    insert.setLong(8, target.micros(slot, status));
                    insert.setString(9, STATUS[status]);
                    insert.setString(10, "{}");
                    insert.setString(11, status == UP ? null : "connect to " + target.id + ":443: " + STATUS[status]);
                    insert.addBatch();
                    rows++;
                }
                if (target.hasDisk()) {
                    for (Instant at = month.from(); at.isBefore(month.to()); at = at.plus(Duration.ofHours(1))) {
                        insert.setLong(1, id++);
                        insert.setString(2, target.diskKey);
                        insert.setString(3, "capacity");
                        insert.setInt(4, 1);
                        insert.setString(5, target.id);
                        insert.setString(6, "metrics");
                        insert.setObject(7, timestamp(at));
                        insert.setLong(8, 20_000);
                        insert.setString(9, "up");
                        insert.setString(10, "{\"" + DISK + "\":" + target.disk(at) + "}");
                        insert.setString(11, null);
                        insert.addBatch();
                        rows++;
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return rows;
    }

    private static boolean same(SlaFigures a, SlaFigures b) {
        return a.incidents() == b.incidents()
                && a.unknown().equals(b.unknown())
                && a.unplannedDowntime().equals(b.unplannedDowntime())
                && Objects.equals(a.p95(), b.p95());
    }

    private static int status(String label) {
        return switch (label) {
            case "up" -> UP;
            case "warn" -> WARN;
            case "down" -> DOWN;
            default -> ERROR;
        };
    }

    private static void bind(PreparedStatement select, String key, Interval period) throws SQLException {
        select.setString(1, key);
        select.setObject(2, timestamp(period.from()));
        select.setObject(3, timestamp(period.to()));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private record Timing(double wall, double cpu) {}

    private interface Work {
        Object run() throws SQLException;
    }

    /** The best wall and CPU milliseconds of {@code runs} runs after one warm-up run. */
    private static Timing time(String label, int runs, Work work) throws SQLException {
        work.run();
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            double thisWall = (System.nanoTime() - start) / 1e6;
            double thisCpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            System.out.printf("%s: %.0f ms wall, %.0f ms CPU%n", label, thisWall, thisCpu);
            wall = Math.min(wall, thisWall);
            cpu = Math.min(cpu, thisCpu);
        }
        return new Timing(wall, cpu);
    }

    private static void row(String label, Timing timing, double scale) {
        System.out.printf("%-52s %10.0f %10.0f%n", label, timing.wall * scale, timing.cpu * scale);
    }

    /** One target and the results its probes give, each a pure function of the target and the time. */
    private static final class Target {
        final int index;
        final String id;
        final String tcpKey;
        final String diskKey;
        final int slots;
        final long baseMicros;
        final BitSet down = new BitSet();
        final BitSet missing = new BitSet();

        Target(int index, int slots) {
            this.index = index;
            this.id = "t" + index;
            this.tcpKey = "bench/availability#0@" + id;
            this.diskKey = "bench/capacity#1@" + id;
            this.slots = slots;
            var random = new SplittableRandom(index);
            baseMicros = 2_000 + random.nextInt(48_000);
            // Outages of 5 minutes (a single down, never confirmed) to 2 hours, and gaps without results.
            for (int i = 0; i < 8; i++) {
                int start = random.nextInt(slots);
                down.set(start, Math.min(slots, start + 1 + random.nextInt(24)));
            }
            for (int i = 0; i < 3; i++) {
                int start = random.nextInt(slots);
                missing.set(start, Math.min(slots, start + 3 + random.nextInt(34)));
            }
        }

        boolean hasDisk() {
            return index % 10 == 0;
        }

        boolean present(int slot) {
            return !missing.get(slot);
        }

        Instant at(int slot) {
            return YEAR_START.plus(EVERY.multipliedBy(slot));
        }

        int status(int slot) {
            if (down.get(slot)) return DOWN;
            long draw = Long.remainderUnsigned(mix(index * 1_000_003L + slot), 1000);
            return draw < 2 ? ERROR : draw < 12 ? WARN : UP;
        }

        long micros(int slot, int status) {
            if (status == DOWN || status == ERROR) return 3_000_000;
            double uniform = (mix(slot * 7_919L + index) >>> 11) * 0x1.0p-53;
            return (long) (baseMicros * (0.5 + 4 * uniform * uniform * uniform));
        }

        /** Disk use growing from 30% to 80% over the year, with a daily swing. */
        double disk(Instant at) {
            double share = Duration.between(YEAR_START, at).toHours() / 8760.0;
            return Math.round((0.3 + 0.5 * share + 0.02 * Math.sin(at.getEpochSecond() / 13_750.0)) * 1e6) / 1e6;
        }

        SlaInputs inputs(Interval period, List<Incident> incidents, List<Interval> unknown, LatencyHistogram latency) {
            return new SlaInputs(
                    id,
                    new java.math.BigDecimal("0.999"),
                    java.math.BigDecimal.ZERO,
                    index % 2 == 0 ? OFFICE : null,
                    WINDOWS,
                    ZONE,
                    period,
                    incidents,
                    unknown,
                    latency);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    /**
     * One probe's results folded in time order the way RollupFold folds them: incidents from the first of
     * {@value #CONFIRM} downs to the next up or warn, and gaps where no up, warn or down result covered the target
     * for twice the probe's interval.
     */
    private static final class Fold {
        final Target target;
        final List<Incident> incidents = new ArrayList<>();
        final List<Interval> gaps = new ArrayList<>();
        final LatencyHistogram latency = new LatencyHistogram();
        int downs;
        Instant firstDown;
        Incident open;
        Instant firstCovered;
        Instant coveredUntil;

        Fold(Target target) {
            this.target = target;
        }

        void add(Instant at, int status, long micros) {
            if (status != ERROR) latency.recordMicros(micros);
            if (status == DOWN && open == null) {
                if (downs++ == 0) firstDown = at;
                if (downs >= CONFIRM) {
                    open = new Incident(
                            incidents.size() + 1, target.id, target.tcpKey, true, firstDown, at, null, "down");
                    incidents.add(open);
                }
            } else if (status == UP || status == WARN) {
                if (open != null) {
                    incidents.set(
                            incidents.size() - 1,
                            new Incident(
                                    open.id(),
                                    open.targetId(),
                                    open.probeKey(),
                                    true,
                                    open.startedAt(),
                                    open.confirmedAt(),
                                    at,
                                    open.message()));
                }
                open = null;
                downs = 0;
                firstDown = null;
            }
            if (status == ERROR) return;
            Instant until = at.plus(EVERY.multipliedBy(2));
            if (coveredUntil == null) {
                firstCovered = at;
            } else if (at.isAfter(coveredUntil)) {
                gaps.add(new Interval(coveredUntil, at));
            }
            if (coveredUntil == null || until.isAfter(coveredUntil)) coveredUntil = until;
        }

        /** The gaps, and the spans of the period before the first and after the last covered time. */
        List<Interval> unknown(Interval period) {
            if (coveredUntil == null) return List.of(period);
            var spans = new ArrayList<>(gaps);
            if (firstCovered.isAfter(period.from())) spans.add(new Interval(period.from(), firstCovered));
            if (coveredUntil.isBefore(period.to())) spans.add(new Interval(coveredUntil, period.to()));
            return Interval.union(spans.stream()
                    .map(span -> span.intersection(period))
                    .filter(Objects::nonNull)
                    .toList());
        }
    }

    /** A target's hour or local day of results as the rollup tables hold it. */
    private static final class Bucket {
        final Object key;
        final long[] counts = new long[4];
        final LatencyHistogram latency = new LatencyHistogram();
        Instant first;
        Instant last;

        Bucket(Object key) {
            this.key = key;
        }

        void add(Instant at, int status, long micros) {
            counts[status]++;
            if (status != ERROR) latency.recordMicros(micros);
            if (first == null) first = at;
            last = at;
        }

        int write(PreparedStatement insert, String targetId, Object bucket) throws SQLException {
            insert.setString(1, targetId);
            insert.setObject(2, bucket);
            for (int i = 0; i < 4; i++) insert.setLong(3 + i, counts[i]);
            insert.setString(7, latency.encode());
            insert.setObject(8, timestamp(first));
            insert.setObject(9, timestamp(last));
            insert.addBatch();
            return 1;
        }
    }
}
