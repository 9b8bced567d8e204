package dev.rounds.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartsTest {

    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void aLineChartIsWellFormedSvgWithOnePointPerMeasurementAndItsLimit() throws Exception {
        var chart = new LineChart(
                        "Disk <used> & free", v -> String.format(Locale.ROOT, "%.0f%%", v * 100), ZoneOffset.UTC)
                .add(Series.measured(
                        "used",
                        List.of(
                                new Point(DAY, 0.5),
                                new Point(DAY.plusSeconds(86_400), 0.6),
                                new Point(DAY.plusSeconds(2 * 86_400), 0.7))))
                .add(Series.projected(
                        "projection",
                        List.of(
                                new Point(DAY.plusSeconds(2 * 86_400), 0.7),
                                new Point(DAY.plusSeconds(5 * 86_400), 1.0))))
                .limit(1.0, "full");

        Document svg = parse(chart.render());

        assertEquals(
                "Disk <used> & free", svg.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(5, svg.getElementsByTagName("circle").getLength());
        assertEquals(2, svg.getElementsByTagName("polyline").getLength());
        Element projected = (Element) svg.getElementsByTagName("polyline").item(1);
        assertEquals("5 4", projected.getAttribute("stroke-dasharray"));
        assertEquals(1, count(svg, "line", "class", "limit"));
        String firstPointTip = svg.getElementsByTagName("circle").item(0).getTextContent();
        assertEquals("used 11-02: 50%", firstPointTip);
    }

    @Test
    void higherValuesAreDrawnHigherUp() throws Exception {
        var chart = new LineChart("rising", v -> Double.toString(v), ZoneOffset.UTC)
                .add(Series.measured("x", List.of(new Point(DAY, 1), new Point(DAY.plusSeconds(3600), 9))));
        Document svg = parse(chart.render());
        Element low = (Element) svg.getElementsByTagName("circle").item(0);
        Element high = (Element) svg.getElementsByTagName("circle").item(1);
        assertTrue(Double.parseDouble(high.getAttribute("cy")) < Double.parseDouble(low.getAttribute("cy")));
        assertTrue(Double.parseDouble(high.getAttribute("cx")) > Double.parseDouble(low.getAttribute("cx")));
    }

    @Test
    void aChartWithoutDataSaysSo() throws Exception {
        var chart = new LineChart("empty", v -> "", ZoneOffset.UTC).add(Series.measured("x", List.of()));
        assertTrue(chart.isEmpty());
        assertTrue(parse(chart.render()).getDocumentElement().getTextContent().contains("no data in this period"));
    }

    @Test
    void aCalendarHasEveryDayOfTheMonthColouredByItsShare() throws Exception {
        var shares = new HashMap<LocalDate, Double>();
        shares.put(LocalDate.of(2026, 3, 1), 1.0);
        shares.put(LocalDate.of(2026, 3, 29), 0.4);
        Document svg = parse(
                new CalendarHeatmap("March", YearMonth.of(2026, 3), shares, v -> Math.round(v * 100) + "%").render());

        assertEquals(31, count(svg, "g", "class", "day"));
        Element first = dayRect(svg, "2026-03-01");
        Element bad = dayRect(svg, "2026-03-29");
        Element none = dayRect(svg, "2026-03-15");
        assertEquals(CalendarHeatmap.colour(1.0), first.getAttribute("fill"));
        assertEquals(CalendarHeatmap.colour(0.4), bad.getAttribute("fill"));
        assertEquals(CalendarHeatmap.colour(null), none.getAttribute("fill"));
        assertEquals("2026-03-29: 40%", bad.getTextContent());
        // 1 March 2026 is a Sunday: the last column; 2 March, a Monday, starts the second row.
        assertTrue(Double.parseDouble(first.getAttribute("x"))
                > Double.parseDouble(dayRect(svg, "2026-03-02").getAttribute("x")));
    }

    private static Element dayRect(Document svg, String date) {
        var groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (date.equals(group.getAttribute("data-date")))
                return (Element) group.getElementsByTagName("rect").item(0);
        }
        throw new AssertionError("no day " + date);
    }

    private static int count(Document svg, String tag, String attribute, String value) {
        var elements = svg.getElementsByTagName(tag);
        int count = 0;
        for (int i = 0; i < elements.getLength(); i++) {
            if (value.equals(((Element) elements.item(i)).getAttribute(attribute))) count++;
        }
        return count;
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
