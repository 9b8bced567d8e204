package dev.rounds.report.chart;

import java.util.Locale;

/** The little SVG text writing the charts share: escaping and compact numbers. */
final class Svg {

    private Svg() {}

    /** Text made safe for SVG content and attribute values. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A coordinate with one decimal, in the ROOT locale whatever the machine's. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
