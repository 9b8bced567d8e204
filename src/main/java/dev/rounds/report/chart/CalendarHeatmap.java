package dev.rounds.report.chart;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A month as a calendar of coloured days, Monday first: each day's share (0 to 1) from red to green, grey where
 * there is nothing to say. The share shows in each day's tooltip, and as text, so the page prints in black and white.
 */
public final class CalendarHeatmap {

    private static final int CELL = 44;
    private static final int TOP = 40;
    private static final int LEFT = 4;

    private final String title;
    private final YearMonth month;
    private final Map<LocalDate, Double> shares;
    private final DoubleFunction<String> format;

    /** @param shares per day, a value from 0 to 1, or absent/{@code null} for a day with nothing due */
    public CalendarHeatmap(
            String title, YearMonth month, Map<LocalDate, Double> shares, DoubleFunction<String> format) {
        this.title = title;
        this.month = month;
        this.shares = shares;
        this.format = format;
    }

    public String render() {
        int offset = month.atDay(1).getDayOfWeek().getValue() - 1;
        int weeks = (offset + month.lengthOfMonth() + 6) / 7;
        int width = LEFT * 2 + CELL * 7;
        int height = TOP + CELL * weeks + 4;
        var svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heatmap\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Svg.escape(title))
                .append("\">");
        svg.append("<title>").append(Svg.escape(title)).append("</title>");
        svg.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"14\" font-size=\"13\" font-weight=\"600\">")
                .append(Svg.escape(title))
                .append("</text>");
        for (DayOfWeek day : DayOfWeek.values()) {
            svg.append("<text x=\"")
                    .append(LEFT + CELL * (day.getValue() - 1) + CELL / 2)
                    .append("\" y=\"32\"")
                    .append(" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6572\">")
                    .append(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .append("</text>");
        }
        for (int dayOfMonth = 1; dayOfMonth <= month.lengthOfMonth(); dayOfMonth++) {
            LocalDate date = month.atDay(dayOfMonth);
            int index = offset + dayOfMonth - 1;
            int x = LEFT + CELL * (index % 7);
            int y = TOP + CELL * (index / 7);
            Double share = shares.get(date);
            String label = share == null ? "nothing due" : format.apply(share);
            svg.append("<g class=\"day\" data-date=\"").append(date).append("\">");
            svg.append("<rect x=\"")
                    .append(x + 1)
                    .append("\" y=\"")
                    .append(y + 1)
                    .append("\" width=\"")
                    .append(CELL - 2)
                    .append("\" height=\"")
                    .append(CELL - 2)
                    .append("\" rx=\"3\" fill=\"")
                    .append(colour(share))
                    .append("\"><title>")
                    .append(date)
                    .append(": ")
                    .append(Svg.escape(label))
                    .append("</title></rect>");
            svg.append("<text x=\"")
                    .append(x + 5)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\" font-size=\"10\" fill=\"#1d232b\">")
                    .append(dayOfMonth)
                    .append("</text>");
            if (share != null) {
                svg.append("<text x=\"")
                        .append(x + CELL - 5)
                        .append("\" y=\"")
                        .append(y + CELL - 7)
                        .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#1d232b\">")
                        .append(Svg.escape(label))
                        .append("</text>");
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** Green when everything was done on time, through amber, to red at half or less; grey for no data. */
    static String colour(Double share) {
        if (share == null) return "#eceef1";
        if (share >= 0.999) return "#8fd19e";
        if (share >= 0.9) return "#c9e79a";
        if (share >= 0.75) return "#f6d57a";
        if (share > 0.5) return "#f3a86b";
        return "#e9806e";
    }
}
