package dev.rounds.report.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.report.chart.Point;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearTrendTest {

    private static final Instant DAY0 = Instant.parse("2026-11-01T00:00:00Z");

    private static Instant day(int n) {
        return DAY0.plusSeconds(86_400L * n);
    }

    @Test
    void aDiskGrowingOnePercentADayIsFullWhenTheLineReachesOne() {
        // 50%, 51%, 52%, 53% on days 0..3: slope 0.01/day; from day 3 (53%) the remaining 47% take 47 days.
        var trend = LinearTrend.fit(List.of(
                        new Point(day(0), 0.50),
                        new Point(day(1), 0.51),
                        new Point(day(2), 0.52),
                        new Point(day(3), 0.53)))
                .orElseThrow();
        assertEquals(0.01, trend.slopePerDay(), 1e-9);
        assertEquals(0.53, trend.valueAt(day(3)), 1e-9);
        assertEquals(day(50), trend.reaches(1.0, day(3)).orElseThrow());
    }

    @Test
    void noisyPointsGiveTheLeastSquaresLine() {
        // x = 0,1,2,3; y = 1,3,2,4: mean x 1.5, mean y 2.5; cov = (-1.5*-1.5)+(-0.5*0.5)+(0.5*-0.5)+(1.5*1.5) = 4,
        // var = 2.25+0.25+0.25+2.25 = 5, slope 0.8; at x=0 the line is 2.5 - 0.8*1.5 = 1.3.
        var trend = LinearTrend.fit(
                        List.of(new Point(day(0), 1), new Point(day(1), 3), new Point(day(2), 2), new Point(day(3), 4)))
                .orElseThrow();
        assertEquals(0.8, trend.slopePerDay(), 1e-9);
        assertEquals(1.3, trend.valueAt(day(0)), 1e-9);
    }

    @Test
    void aShrinkingOrFlatSeriesNeverFillsAndAFullOneIsFullNow() {
        var shrinking = LinearTrend.fit(List.of(new Point(day(0), 0.6), new Point(day(1), 0.5)))
                .orElseThrow();
        assertTrue(shrinking.reaches(1.0, day(1)).isEmpty());
        var full = LinearTrend.fit(List.of(new Point(day(0), 0.99), new Point(day(1), 1.0)))
                .orElseThrow();
        assertEquals(day(1), full.reaches(1.0, day(1)).orElseThrow());
    }

    @Test
    void oneTimeAloneHasNoTrend() {
        assertTrue(LinearTrend.fit(List.of(new Point(day(0), 0.5))).isEmpty());
        assertTrue(LinearTrend.fit(List.of(new Point(day(0), 0.5), new Point(day(0), 0.6)))
                .isEmpty());
    }
}
