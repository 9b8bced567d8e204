package dev.rounds.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The font every PDF is written in, embedded (subset) from the application: DejaVu Sans, regular and bold (licence
 * beside the files). Without it openhtmltopdf wrote with the PDF's built-in Helvetica, which has no →, ≥ or −: they
 * came out as "#". And the built-in fonts come as a set of fourteen whose Symbol and ZapfDingbats PDFBox looks for on
 * the machine and, not finding them, warned about on every render. Accessible (PDF/UA) output takes only embedded
 * fonts, so the built-in set is never loaded; the PDFs are tagged for screen readers besides.
 *
 * <p>One warning is left at its source and not logged: openhtmltopdf 1.1 gives every PDF the default resources of
 * a form (Helvetica and ZapfDingbats for form fields) whether it has fields or not, and PDFBox warns that it found no
 * ZapfDingbats on the machine to draw with. Rounds' PDFs have no form fields (forms are taken out), so that font is
 * never drawn; a PDF viewer supplies the standard fonts itself. Only that PDFBox logger is raised to errors.
 */
final class PaperFont {

    static final String FAMILY = "DejaVu Sans";
    private static final String FOLDER = "dev/rounds/report/pdf/fonts/";
    private static final Set<FSFontUseCase> EVERYWHERE =
            EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL);

    /** Held, so the level set on it stays: the JDK keeps loggers only weakly. */
    private static final Logger STANDARD_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font");

    static {
        STANDARD_FONTS.setLevel(Level.SEVERE);
    }

    private PaperFont() {}

    static void register(PdfRendererBuilder builder) {
        builder.usePdfUaAccessibility(true)
                .useFont(() -> stream("DejaVuSans.ttf"), FAMILY, 400, FontStyle.NORMAL, true, EVERYWHERE)
                .useFont(() -> stream("DejaVuSans-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true, EVERYWHERE);
    }

    private static InputStream stream(String file) {
        InputStream in = PaperFont.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) throw new IllegalStateException(FOLDER + file + " is missing from the application");
        return in;
    }
}
