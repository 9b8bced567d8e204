package dev.rounds.report.pdf;

import com.openhtmltopdf.css.constants.CSSName;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's style sheet as the PDF engine can read it. The screen layout uses flex and grid (and their {@code gap},
 * {@code align-items}…), which openhtmltopdf does not know: it skipped each such declaration with a warning, about
 * fifteen per PDF. Those declarations are taken out before it parses the sheet, which renders the same and logs
 * nothing; so are the screen's width queries ({@code @media (max-width: …)}: paper has no viewport to query, and the
 * engine cannot parse a query without a media type), rulesets for states paper never has ({@code :focus-visible})
 * and lengths relative to the viewport ({@code vw}, {@code vh}). Every other declaration is passed on unchanged.
 */
final class PaperStyle {

    /**
     * Values the engine knows the property of but not the value: layout modes it lays out as nothing it knows, and
     * scrolling it cannot do on paper. A declaration with one of them is dropped.
     */
    private static final Map<String, Set<String>> UNKNOWN_VALUES = Map.of(
            "display", Set.of("flex", "inline-flex", "grid", "inline-grid"),
            "overflow", Set.of("auto", "scroll"),
            "overflow-x", Set.of("auto", "scroll"),
            "overflow-y", Set.of("auto", "scroll"));

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** The head of a media block for screens of some size: {@code @media (max-width: 760px)}. */
    private static final Pattern SCREEN_QUERY = Pattern.compile("@media\\s*\\(");
    /** A ruleset for a state paper never has: the selector up to its block. */
    private static final Pattern INTERACTIVE_RULESET = Pattern.compile("[^{}]*:focus-visible[^{}]*\\{[^{}]*}");

    private static final Pattern VIEWPORT_LENGTH = Pattern.compile("\\d(?:vw|vh|vmin|vmax)\\b");
    /** A block of declarations: the innermost braces, so a rule inside {@code @media} is found too. */
    private static final Pattern BLOCK = Pattern.compile("\\{([^{}]*)}");

    private PaperStyle() {}

    static String of(String css) {
        String plain = withoutScreenQueries(COMMENT.matcher(css).replaceAll(""));
        plain = INTERACTIVE_RULESET.matcher(plain).replaceAll("");
        Matcher block = BLOCK.matcher(plain);
        var out = new StringBuilder(plain.length());
        while (block.find()) {
            block.appendReplacement(out, Matcher.quoteReplacement("{" + known(block.group(1)) + "}"));
        }
        block.appendTail(out);
        return out.toString();
    }

    /** The sheet without its {@code @media (…) { … }} blocks, nested braces and all. */
    private static String withoutScreenQueries(String css) {
        var out = new StringBuilder(css.length());
        Matcher query = SCREEN_QUERY.matcher(css);
        int from = 0;
        while (query.find(from)) {
            out.append(css, from, query.start());
            int open = css.indexOf('{', query.end());
            if (open < 0) return out.toString();
            int depth = 0;
            int at = open;
            for (; at < css.length(); at++) {
                if (css.charAt(at) == '{') depth++;
                if (css.charAt(at) == '}' && --depth == 0) break;
            }
            from = Math.min(at + 1, css.length());
        }
        return out.append(css.substring(from)).toString();
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
            if (UNKNOWN_VALUES.getOrDefault(property, Set.of()).contains(value)) continue;
            if (VIEWPORT_LENGTH.matcher(value).find()) continue;
            kept.append(declaration.strip()).append("; ");
        }
        return kept.toString();
    }
}
