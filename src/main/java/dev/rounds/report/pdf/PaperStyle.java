package dev.rounds.report.pdf;

import com.openhtmltopdf.css.constants.CSSName;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's style sheet as the PDF engine can read it. The screen layout uses flex and grid (and their {@code gap},
 * {@code align-items}…), which openhtmltopdf does not know: it skipped each such declaration with a warning, about
 * fifteen per PDF. Those declarations are taken out before it parses the sheet, which renders the same and logs
 * nothing; every other declaration is passed on unchanged.
 */
final class PaperStyle {

    /** Layout modes the engine lays out as nothing it knows: a {@code display} with one of them is dropped. */
    private static final Set<String> UNKNOWN_DISPLAYS = Set.of("flex", "inline-flex", "grid", "inline-grid");

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** A block of declarations: the innermost braces, so a rule inside {@code @media} is found too. */
    private static final Pattern BLOCK = Pattern.compile("\\{([^{}]*)}");

    private PaperStyle() {}

    static String of(String css) {
        String plain = COMMENT.matcher(css).replaceAll("");
        Matcher block = BLOCK.matcher(plain);
        var out = new StringBuilder(plain.length());
        while (block.find()) {
            block.appendReplacement(out, Matcher.quoteReplacement("{" + known(block.group(1)) + "}"));
        }
        block.appendTail(out);
        return out.toString();
    }

    private static String known(String declarations) {
        var kept = new StringBuilder();
        for (String declaration : declarations.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) continue;
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (property.startsWith("--") || value.contains("var(")) continue;
            if (CSSName.getByPropertyName(property) == null) continue;
            if (property.equals("display") && UNKNOWN_DISPLAYS.contains(value)) continue;
            kept.append(declaration.strip()).append("; ");
        }
        return kept.toString();
    }
}
