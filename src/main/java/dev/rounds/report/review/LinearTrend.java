package dev.rounds.report.review;

import dev.rounds.report.chart.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A least-squares straight line through a series, for "at this rate the disk is full on …".
 *
 * @param slopePerDay how much the value grows per day (negative when it shrinks)
 * @param at a time the line passes through, and {@code value} its value there
 */
public record LinearTrend(double slopePerDay, Instant at, double value) {

    private static final double SECONDS_PER_DAY = 86_400;

    /** The line through the points, or empty with fewer than two distinct times. */
    public static Optional<LinearTrend> fit(List<Point> points) {
        if (points.size() < 2) return Optional.empty();
        long origin = points.get(0).at().getEpochSecond();
        double n = points.size();
        double sumX = 0;
        double sumY = 0;
        for (Point p : points) {
            sumX += (p.at().getEpochSecond() - origin) / SECONDS_PER_DAY;
            sumY += p.value();
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double covariance = 0;
        double variance = 0;
        for (Point p : points) {
            double dx = (p.at().getEpochSecond() - origin) / SECONDS_PER_DAY - meanX;
            covariance += dx * (p.value() - meanY);
            variance += dx * dx;
        }
        if (variance == 0) return Optional.empty();
        double slope = covariance / variance;
        Instant centre = Instant.ofEpochSecond(origin + Math.round(meanX * SECONDS_PER_DAY));
        return Optional.of(new LinearTrend(slope, centre, meanY));
    }

    /** The line's value at a time. */
    public double valueAt(Instant time) {
        return value + slopePerDay * (time.getEpochSecond() - at.getEpochSecond()) / SECONDS_PER_DAY;
    }

    /**
     * When the line reaches {@code limit} after {@code from}: empty when it does not grow towards it; {@code from}
     * itself when it is there already.
     */
    public Optional<Instant> reaches(double limit, Instant from) {
        double now = valueAt(from);
        if (now >= limit) return Optional.of(from);
        if (slopePerDay <= 0) return Optional.empty();
        double days = (limit - now) / slopePerDay;
        if (days > 365 * 100) return Optional.empty();
        return Optional.of(from.plus(Duration.ofSeconds(Math.round(days * SECONDS_PER_DAY))));
    }
}
