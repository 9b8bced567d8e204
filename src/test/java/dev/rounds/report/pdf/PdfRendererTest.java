package dev.rounds.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.util.XRLog;
import dev.rounds.report.chart.CalendarHeatmap;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static final int HEATMAP_GREEN = 0x8fd19e;

    @Test
    void aPageBecomesAPdfWithItsTextAndItsChartButWithoutNavigationOrForms() throws Exception {
        String heatmap = new CalendarHeatmap(
                        "Compliance",
                        YearMonth.of(2026, 11),
                        Map.of(LocalDate.of(2026, 11, 2), 1.0, LocalDate.of(2026, 11, 3), 1.0),
                        v -> "100%")
                .render();
        String page = "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/rounds.css\"><title>t</title></head>"
                + "<body><header class=\"top\"><nav><a href=\"/\">Navigation link</a></nav></header><main>"
                + "<h1>Monthly review &amp; figures</h1><p>Compliance 97.5%<br></p>" + heatmap
                + "<form method=\"post\"><button>Sign off the review</button></form></main></body></html>";

        byte[] pdf = new PdfRenderer().render(page);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Monthly review & figures"), text);
            assertTrue(text.contains("Compliance 97.5%"), text);
            assertFalse(text.contains("Navigation link"), text);
            assertFalse(text.contains("Sign off the review"), text);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 60);
            assertTrue(pixels(image, HEATMAP_GREEN) > 50, "the heat-map's green days are drawn");
        }
    }

    @Test
    void aPageWithoutChartsHasNoChartColours() throws Exception {
        byte[] pdf = new PdfRenderer().render("<html><body><main><p>plain</p></main></body></html>");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(0, pixels(new PDFRenderer(document).renderImageWithDPI(0, 60), HEATMAP_GREEN));
        }
    }

    @Test
    void noJarOnTheClassPathCarriesItsOwnCopyOfTheJaxpApi() throws Exception {
        // xml-apis (pulled in by Batik) did: in the packaged application its DocumentBuilderFactory shadowed the
        // JDK's and asked for a Xerces that is not there, so every review PDF failed.
        var copies = java.util.Collections.list(
                ClassLoader.getSystemClassLoader().getResources("javax/xml/parsers/DocumentBuilderFactory.class"));
        assertEquals(
                java.util.List.of(),
                copies.stream().filter(url -> url.getProtocol().equals("jar")).toList());
    }

    @Test
    void renderingAReviewPageLogsNoWarning() throws Exception {
        // The walk found ~20 warnings per PDF: the screen style sheet's flex and grid rules, which the PDF engine
        // does not know, and fonts: the built-in Helvetica has no arrow (→) or minus (−), and PDFBox warns while
        // setting up Symbol and ZapfDingbats, which it cannot find on the machine.
        String chart = new dev.rounds.report.chart.LineChart(
                        "p95 response time per day", dev.rounds.report.chart.Units::milliseconds, ZoneOffset.UTC)
                .add(dev.rounds.report.chart.Series.measured(
                        "localhost",
                        List.of(new dev.rounds.report.chart.Point(Instant.parse("2026-12-03T00:00:00Z"), 222))))
                .render();
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>Weekly review</title></head><body>"
                + "<header class=\"top\"><nav><a href=\"/\">Rounds</a></nav></header><main>"
                + "<h1>Weekly review 2026-W49</h1><p class=\"summary\"><span>2026-11-30 to 2026-12-06</span></p>"
                + "<table class=\"sla\"><tr><th>Target</th><th>Availability</th></tr><tr><td>localhost"
                + "<div class=\"sla-feeds muted\">from daily/web (http, every 1m)</div></td><td><strong>99.95%</strong>"
                + "<div class=\"coverage muted\">over 71% of the period</div></td></tr></table>"
                + "<p>2026-12-03 07:24:05 UTC → 07:24:15 UTC (10 s) — “quoted” ≥ 50% − 1 …</p>" + chart
                + "</main></body></html>";

        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue())
                    warnings.add(record.getLoggerName() + ": " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        // PDFBox logs through the application's log manager; openhtmltopdf to loggers of its own that do not pass
        // records on to the root, so each gets the handler
        List<Logger> loggers = new ArrayList<>();
        loggers.add(Logger.getLogger(""));
        new PdfRenderer().render("<html><body><p>warm up: openhtmltopdf sets up its loggers</p></body></html>");
        warnings.clear();
        XRLog.listRegisteredLoggers().forEach(name -> loggers.add(Logger.getLogger(name)));
        loggers.forEach(logger -> logger.addHandler(capture));
        byte[] pdf;
        try {
            pdf = new PdfRenderer().render(page);
        } finally {
            loggers.forEach(logger -> logger.removeHandler(capture));
        }

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("07:24:05 UTC → 07:24:15 UTC (10 s)"), text);
            assertTrue(text.contains("≥ 50% − 1"), text);
        }
        assertEquals(List.of(), warnings);
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) count++;
            }
        }
        return count;
    }
}
