package dev.rounds.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.report.chart.CalendarHeatmap;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
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
