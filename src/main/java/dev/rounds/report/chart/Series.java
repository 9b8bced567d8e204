package dev.rounds.report.chart;

import java.util.List;

/**
 * A named line of a {@link LineChart}.
 *
 * @param dashed drawn dashed, for what is projected rather than measured
 */
public record Series(String name, List<Point> points, boolean dashed) {

    public Series {
        points = List.copyOf(points);
    }

    public static Series measured(String name, List<Point> points) {
        return new Series(name, points, false);
    }

    public static Series projected(String name, List<Point> points) {
        return new Series(name, points, true);
    }
}
