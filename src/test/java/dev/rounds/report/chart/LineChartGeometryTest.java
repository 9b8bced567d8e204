package dev.rounds.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where a line chart puts its points, ticks and labels: one point, one day, and a long range. */
class LineChartGeometryTest {

    private static final Instant DAY = Instant.parse("2026-12-03T00:00:00Z");
    /** The drawing area runs from x = 56 to x = 628 (640 wide, 56 left and 12 right margins). */
    private static final double LEFT = 56;

    private static final double RIGHT = 628;

    private static LineChart milliseconds() {
        return new LineChart("p95 response time per day", Units::milliseconds, ZoneOffset.UTC);
    }

    private static List<String> texts(String svg, String cls) {
        var texts = new ArrayList<String>();
        Matcher m = Pattern.compile("<text class=\"" + cls + "\"[^>]*>([^<]*)</text>")
                .matcher(svg);
        while (m.find()) texts.add(m.group(1));
        return texts;
    }

    private static List<Double> circleX(String svg) {
        var xs = new ArrayList<Double>();
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\"").matcher(svg);
        while (m.find()) xs.add(Double.parseDouble(m.group(1)));
        return xs;
    }

    private static void assertDistinct(List<String> labels) {
        assertEquals(labels.size(), new HashSet<>(labels).size(), "duplicate labels: " + labels);
    }

    @Test
    void aSinglePointIsCentredWithOneDateAndDistinctValueTicks() {
        String svg = milliseconds()
                .add(Series.measured("localhost", List.of(new Point(DAY, 222))))
                .render();

        assertEquals(List.of("12-03"), texts(svg, "x-tick"), "one date under one point");
        List<String> values = texts(svg, "y-tick");
        assertDistinct(values);
        assertTrue(values.size() >= 3, "enough ticks to read the value: " + values);
        assertTrue(values.contains("222 ms") || values.contains("220 ms"), values.toString());
        assertEquals(List.of((LEFT + RIGHT) / 2), circleX(svg), "the point is in the middle, not on the edge");
    }

    @Test
    void oneDayOfHourlyPointsHasNoRepeatedDateLabel() {
        var points = new ArrayList<Point>();
        for (int hour = 0; hour < 24; hour++) points.add(new Point(DAY.plus(Duration.ofHours(hour)), 200 + hour % 2));
        String svg = milliseconds().add(Series.measured("localhost", points)).render();

        List<String> dates = texts(svg, "x-tick");
        assertDistinct(dates);
        assertEquals(List.of("12-03"), dates);
        assertDistinct(texts(svg, "y-tick"));
    }

    @Test
    void aLongRangeIsThinnedToLabelsThatDoNotOverlap() {
        var points = new ArrayList<Point>();
        for (int day = 0; day < 365; day++)
            points.add(new Point(DAY.plus(Duration.ofDays(day)), 0.99 + day % 7 / 1000.0));
        String svg = new LineChart("availability per day", Units::availability, ZoneOffset.UTC)
                .limit(0.999, "objective 99.90%")
                .add(Series.measured("web", points))
                .render();

        List<String> dates = texts(svg, "x-tick");
        assertDistinct(dates);
        assertTrue(dates.size() >= 3 && dates.size() <= 7, dates.toString());
        List<Double> xs = new ArrayList<>();
        Matcher m = Pattern.compile("<text class=\"x-tick\" x=\"([0-9.]+)\"").matcher(svg);
        while (m.find()) xs.add(Double.parseDouble(m.group(1)));
        for (int i = 1; i < xs.size(); i++)
            assertTrue(xs.get(i) - xs.get(i - 1) >= LineChart.MIN_LABEL_GAP, "labels overlap: " + xs);
        List<String> values = texts(svg, "y-tick");
        assertDistinct(values);
        assertTrue(circleX(svg).stream().allMatch(x -> x >= LEFT && x <= RIGHT));
    }

    @Test
    void aWeekOfDailyPointsHasADateUnderEachDay() {
        var points = new ArrayList<Point>();
        for (int day = 0; day < 7; day++) points.add(new Point(DAY.plus(Duration.ofDays(day)), 5));
        String svg = milliseconds().add(Series.measured("web", points)).render();

        assertEquals(List.of("12-03", "12-04", "12-05", "12-06", "12-07", "12-08", "12-09"), texts(svg, "x-tick"));
        List<String> values = texts(svg, "y-tick");
        assertDistinct(values);
        assertTrue(values.contains("5 ms"), values.toString());
    }

    @Test
    void roundStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.5, LineChart.niceStep(0.3), 1e-12);
        assertEquals(2, LineChart.niceStep(1.5), 1e-12);
        assertEquals(10, LineChart.niceStep(7), 1e-12);
        assertEquals(0.0005, LineChart.niceStep(0.00025), 1e-12);
    }
}
