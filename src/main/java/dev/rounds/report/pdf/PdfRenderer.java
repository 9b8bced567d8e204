package dev.rounds.report.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * Turns a rendered report page into a PDF (or a self-contained HTML file) that reads like the page printed from a browser: the site's style sheet
 * inlined (there is no server to fetch it from), navigation and forms left out, inline SVG charts drawn.
 */
@ApplicationScoped
public class PdfRenderer {

    private static final String STYLESHEET = "META-INF/resources/rounds.css";
    /** A4 pages with room for a header; the screen style's wide margins do not suit paper. */
    private static final String PAGE = "@page { size: A4; margin: 14mm 12mm; } body { background: #fff; font: 10pt/1.35"
            + " '" + PaperFont.FAMILY + "', sans-serif; } * { font-family: '" + PaperFont.FAMILY
            + "' !important; } main { max-width: none; padding: 0; } svg.chart { max-width: 100%; }"
            + " table { page-break-inside: auto; } tr { page-break-inside: avoid; }";

    private final String css;

    public PdfRenderer() {
        this.css = PaperStyle.of(stylesheet());
    }

    /** The PDF of an HTML page. */
    public byte[] render(String html) {
        Document page = printable(html);
        accessible(page);
        var pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            var builder = new PdfRendererBuilder();
            PaperFont.register(builder);
            builder.useFastMode()
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withW3cDocument(new W3CDom().fromJsoup(page), "")
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    /**
     * What an accessible (PDF/UA) document needs and a page may lack: a title, a subject (the title), which becomes its description, and a text for each
     * chart (its label); openhtmltopdf warned on each render without them.
     */
    private static void accessible(Document page) {
        if (page.title().isBlank()) page.title("Rounds");
        if (page.selectFirst("meta[name=subject]") == null)
            page.head().appendElement("meta").attr("name", "subject").attr("content", page.title());
        for (var svg : page.select("svg")) {
            if (!svg.hasAttr("alt")) svg.attr("alt", svg.attr("aria-label"));
        }
    }

    /** The page as a self-contained HTML file to archive: style inlined, navigation and forms left out. */
    public String standalone(String html) {
        return printable(html).outerHtml();
    }

    private Document printable(String html) {
        Document page = Jsoup.parse(html);
        page.select("header.top, form, nav, script, link[rel=stylesheet]").remove();
        page.head().appendElement("style").appendText(css + "\n" + PAGE);
        return page;
    }

    private static String stylesheet() {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(STYLESHEET)) {
            if (in == null) throw new IllegalStateException(STYLESHEET + " is missing from the application");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
