package dev.rounds.report.rollup;

import static dev.rounds.core.SqlTimestamps.instant;
import static dev.rounds.core.SqlTimestamps.timestamp;

import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import dev.rounds.core.ReportZone;
import dev.rounds.report.sla.LatencyHistogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** What reports read: incidents, spans without a verdict, and the hourly and daily rollups, never raw results. */
@ApplicationScoped
public class Rollups {

    private static final String INCIDENT = "SELECT id, target_id, probe_key, continuous, started_at, confirmed_at,"
            + " ended_at, message FROM incident WHERE ";
    private static final String OVERLAPS = "started_at < ? AND (ended_at IS NULL OR ended_at > ?)";
    private static final String TARGET_STATS =
            "up_count, warn_count, down_count, error_count, unknown_count," + " latency, first_at, last_at";
    private static final String VALUES = "n, total, min_value, max_value, last_value";

    private final DataSource dataSource;
    private final ZoneId zone;

    @Inject
    public Rollups(DataSource dataSource, ReportZone zone) {
        this(dataSource, zone.get());
    }

    public Rollups(DataSource dataSource, ZoneId zone) {
        this.dataSource = dataSource;
        this.zone = zone;
    }

    /** The incidents of one target that overlap the period, by start. */
    public List<Incident> incidents(String targetId, Interval period) {
        return query(
                INCIDENT + "target_id = ? AND " + OVERLAPS + " ORDER BY started_at, id",
                Rollups::incident,
                targetId,
                timestamp(period.to()),
                timestamp(period.from()));
    }

    /** The incidents of every target that overlap the period, by start. */
    public List<Incident> incidents(Interval period) {
        return query(
                INCIDENT + OVERLAPS + " ORDER BY started_at, id",
                Rollups::incident,
                timestamp(period.to()),
                timestamp(period.from()));
    }

    /** The incidents still lasting, oldest first. */
    public List<Incident> openIncidents() {
        return query(INCIDENT + "ended_at IS NULL ORDER BY id", Rollups::incident);
    }

    /** The incidents that ended after the instant, oldest first. */
    public List<Incident> incidentsEndedAfter(Instant since) {
        return query(INCIDENT + "ended_at > ? ORDER BY id", Rollups::incident, timestamp(since));
    }

    /**
     * The spans within the period, up to {@code now}, with no verdict on the target: before continuous probes first
     * covered it, gaps between their results, and after the last covered time. A target no continuous probe ever
     * covered is unknown for all of it.
     */
    public List<Interval> unknown(String targetId, Interval period, Instant now) {
        Instant end = now.isBefore(period.to()) ? now : period.to();
        if (!end.isAfter(period.from())) return List.of();
        Interval known = new Interval(period.from(), end);
        List<Interval> coverage = query(
                "SELECT first_covered_at, covered_until FROM rollup_coverage" + " WHERE target_id = ?",
                rows -> new Interval(instant(rows, 1), instant(rows, 2)),
                targetId);
        if (coverage.isEmpty()) return List.of(known);
        Interval covered = coverage.get(0);
        var spans = new ArrayList<Interval>(query(
                "SELECT started_at, ended_at FROM rollup_unknown WHERE target_id = ?"
                        + " AND started_at < ? AND ended_at > ?",
                rows -> new Interval(instant(rows, 1), instant(rows, 2)),
                targetId,
                timestamp(end),
                timestamp(period.from())));
        if (covered.from().isAfter(period.from())) spans.add(new Interval(period.from(), covered.from()));
        if (covered.to().isBefore(end)) spans.add(new Interval(covered.to(), end));
        return Interval.union(spans.stream()
                .map(span -> span.intersection(known))
                .filter(Objects::nonNull)
                .toList());
    }

    /**
     * Response times of the target's results that started in the period, to the hour: daily rows for the local days
     * wholly inside it, hourly rows for the rest. Only the hours outside those days are read: a year has 8,760 of
     * them per target, and reading and decoding them made the yearly SLA export of 500 targets take seconds.
     */
    public LatencyHistogram latency(String targetId, Interval period) {
        var histogram = new LatencyHistogram();
        var rest = new ArrayList<Interval>();
        Instant covered = period.from();
        for (DayStats day :
                days(targetId, LocalDate.ofInstant(period.from(), zone), LocalDate.ofInstant(period.to(), zone))) {
            Instant start = day.day().atStartOfDay(zone).toInstant();
            Instant end = day.day().plusDays(1).atStartOfDay(zone).toInstant();
            // A day whose midnight falls inside a UTC hour would share that hour's results with the hourly rows.
            if (start.isBefore(period.from()) || end.isAfter(period.to()) || !onHour(start) || !onHour(end)) continue;
            histogram.merge(day.latency());
            if (start.isAfter(covered)) rest.add(new Interval(covered, start));
            covered = end;
        }
        if (period.to().isAfter(covered)) rest.add(new Interval(covered, period.to()));
        for (Interval part : rest) {
            for (HourStats hour : hours(targetId, part)) histogram.merge(hour.latency());
        }
        return histogram;
    }

    /** The target's local days from {@code from} to {@code toInclusive} that have results, in order. */
    public List<DayStats> days(String targetId, LocalDate from, LocalDate toInclusive) {
        return query(
                "SELECT bucket_day, " + TARGET_STATS + " FROM rollup_target_day WHERE target_id = ?"
                        + " AND bucket_day BETWEEN ? AND ? ORDER BY bucket_day",
                rows -> new DayStats(
                        rows.getObject(1, LocalDate.class),
                        counts(rows),
                        latency(rows),
                        instant(rows, 8),
                        instant(rows, 9)),
                targetId,
                from,
                toInclusive);
    }

    /** The target's UTC hours that start in the period and have results, in order. */
    public List<HourStats> hours(String targetId, Interval period) {
        return query(
                "SELECT bucket_start, " + TARGET_STATS + " FROM rollup_target_hour WHERE target_id = ?"
                        + " AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start",
                rows -> new HourStats(
                        instant(rows, 1), counts(rows), latency(rows), instant(rows, 8), instant(rows, 9)),
                targetId,
                timestamp(period.from()),
                timestamp(period.to()));
    }

    /**
     * One numeric value of one probe per local day starting in the period, in order; days without it are left out.
     * Values are rolled up per day only: every report that charts them charts days.
     */
    public List<ValuePoint> values(String probeKey, String name, Interval period) {
        return query(
                        "SELECT bucket_day, " + VALUES + " FROM rollup_value_day WHERE probe_key = ?"
                                + " AND value_name = ? AND bucket_day BETWEEN ? AND ? ORDER BY bucket_day",
                        rows -> valuePoint(
                                rows,
                                rows.getObject(1, LocalDate.class)
                                        .atStartOfDay(zone)
                                        .toInstant()),
                        probeKey,
                        name,
                        LocalDate.ofInstant(period.from(), zone),
                        LocalDate.ofInstant(period.to(), zone))
                .stream()
                .filter(point -> !point.bucketStart().isBefore(period.from())
                        && point.bucketStart().isBefore(period.to()))
                .toList();
    }

    /** The probe keys of an activity that recorded numeric values, each with their names, sorted. */
    public Map<String, List<String>> valueNames(String checklistId, String activityId) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        query(
                "SELECT DISTINCT probe_key, value_name FROM rollup_value_day WHERE checklist_id = ? AND activity_id = ?"
                        + " ORDER BY probe_key, value_name",
                rows -> names.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                        .add(rows.getString(2)),
                checklistId,
                activityId);
        return names;
    }

    private static boolean onHour(Instant instant) {
        return instant.getEpochSecond() % 3600 == 0 && instant.getNano() == 0;
    }

    private static Incident incident(ResultSet rows) throws SQLException {
        return new Incident(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getBoolean(4),
                instant(rows, 5),
                instant(rows, 6),
                instant(rows, 7),
                rows.getString(8));
    }

    private static ResultCounts counts(ResultSet rows) throws SQLException {
        return new ResultCounts(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6));
    }

    private static LatencyHistogram latency(ResultSet rows) throws SQLException {
        return LatencyHistogram.decode(rows.getString(7));
    }

    private static ValuePoint valuePoint(ResultSet rows, Instant bucketStart) throws SQLException {
        return new ValuePoint(
                bucketStart,
                rows.getLong(2),
                rows.getDouble(3),
                rows.getDouble(4),
                rows.getDouble(5),
                rows.getDouble(6));
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) select.setObject(i + 1, parameters[i]);
            var found = new ArrayList<T>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) found.add(row.read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rollups: " + e.getMessage(), e);
        }
    }
}
