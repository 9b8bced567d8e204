package dev.rounds.report.chart;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A time-series line chart as inline SVG: a few lines over dates, an optional horizontal limit (an SLA objective, a
 * full disk), labelled axes. Works without JavaScript and prints; each line's points carry a tooltip title.
 */
public final class LineChart {

    private static final String[] COLOURS = {"#1f6fb2", "#c2571a", "#2e8b57", "#8a3fa0", "#9a7b00", "#4a4a66"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 28;
    private static final int BOTTOM = 28;

    private final String title;
    private final DoubleFunction<String> format;
    private final List<Series> series = new ArrayList<>();
    private final DateTimeFormatter dates;
    private Double limit;
    private String limitLabel;
    private Double floor;
    private Double ceiling;

    /**
     * @param format how a value reads on the axis and in tooltips, e.g. {@code v -> v + " ms"}
     * @param zone the zone the date labels are in
     */
    public LineChart(String title, DoubleFunction<String> format, ZoneId zone) {
        this.title = title;
        this.format = format;
        this.dates = DateTimeFormatter.ofPattern("MM-dd").withZone(zone);
    }

    public LineChart add(Series line) {
        series.add(line);
        return this;
    }

    /** A horizontal line the values are measured against; the value axis always shows it. */
    public LineChart limit(double value, String label) {
        this.limit = value;
        this.limitLabel = label;
        return this;
    }

    /** Fixes the value axis, e.g. 0 to 1 for ratios, instead of fitting it to the values. */
    public LineChart range(double floor, double ceiling) {
        this.floor = floor;
        this.ceiling = ceiling;
        return this;
    }

    public boolean isEmpty() {
        return series.stream().allMatch(line -> line.points().isEmpty());
    }

    public String render() {
        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Svg.escape(title))
                .append("\">");
        svg.append("<title>").append(Svg.escape(title)).append("</title>");
        svg.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"16\" font-size=\"13\" font-weight=\"600\">")
                .append(Svg.escape(title))
                .append("</text>");
        if (isEmpty()) {
            svg.append("<text x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(HEIGHT / 2)
                    .append(
                            "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#6b7480\">no data in this period</text>");
            return svg.append("</svg>").toString();
        }
        Frame frame = frame();
        axes(svg, frame);
        if (limit != null) {
            double y = frame.y(limit);
            svg.append("<line class=\"limit\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(Svg.n(y))
                    .append("\" y2=\"")
                    .append(Svg.n(y))
                    .append("\" stroke=\"#8a2a1b\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>");
            svg.append("<text x=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y=\"")
                    .append(Svg.n(y - 3))
                    .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#8a2a1b\">")
                    .append(Svg.escape(limitLabel))
                    .append("</text>");
        }
        for (int i = 0; i < series.size(); i++) {
            line(svg, frame, series.get(i), COLOURS[i % COLOURS.length]);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    /** Labels closer than this (in pixels) overlap at font size 10: long ranges are thinned to fit. */
    static final int MIN_LABEL_GAP = 90;
    /** At most this many value ticks: enough to read a value, few enough to stay distinct. */
    static final int MAX_VALUE_TICKS = 5;

    /**
     * The drawing area's mapping from time and value to pixels. A single time is centred rather than drawn on the
     * left edge; a single value is centred between padded bounds.
     */
    record Frame(long minX, long maxX, double minY, double maxY) {
        double x(Instant at) {
            if (maxX == minX) return LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
            return LEFT + (double) (at.getEpochSecond() - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            double span = maxY - minY == 0 ? 1 : maxY - minY;
            return TOP + (1 - (value - minY) / span) * (HEIGHT - TOP - BOTTOM);
        }
    }

    /** A tick of an axis: where it is drawn and what it says. */
    record Tick(double at, String label) {}

    Frame frame() {
        long minX = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (Point point : line.points()) {
                minX = Math.min(minX, point.at().getEpochSecond());
                maxX = Math.max(maxX, point.at().getEpochSecond());
                minY = Math.min(minY, point.value());
                maxY = Math.max(maxY, point.value());
            }
        }
        if (limit != null) {
            minY = Math.min(minY, limit);
            maxY = Math.max(maxY, limit);
        }
        if (floor != null) minY = floor;
        if (ceiling != null) maxY = ceiling;
        if (minY == maxY) {
            // one value: pad by a tenth of it (or 1 around 0) so the line sits mid-chart and the ticks differ
            double pad = minY == 0 ? 1 : Math.abs(minY) / 10;
            minY = minY - pad;
            maxY = maxY + pad;
        }
        return new Frame(minX, maxX, minY, maxY);
    }

    /**
     * Value ticks at round steps (1, 2 or 5 × a power of ten) within the frame, each label different: when the format
     * would write two ticks alike ("222 ms, 222 ms") the step grows until it does not, so no label sits where its
     * value is not.
     */
    List<Tick> valueTicks(Frame frame) {
        double step = niceStep((frame.maxY() - frame.minY()) / (MAX_VALUE_TICKS - 1));
        while (true) {
            var ticks = new ArrayList<Tick>();
            boolean distinct = true;
            for (double value = Math.ceil(frame.minY() / step - 1e-9) * step;
                    value <= frame.maxY() + step * 1e-9;
                    value += step) {
                double clean = Math.abs(value) < step * 1e-9 ? 0 : value;
                String label = format.apply(clean);
                if (!ticks.isEmpty() && ticks.get(ticks.size() - 1).label().equals(label)) distinct = false;
                ticks.add(new Tick(frame.y(clean), label));
            }
            if (distinct || ticks.size() <= 1) return ticks;
            step = niceStep(step * 1.5);
        }
    }

    /**
     * Time ticks: one under a single time; else as many evenly spaced ones as fit {@link #MIN_LABEL_GAP} apart (at
     * most one per day for daily data), each label different from the one before.
     */
    List<Tick> timeTicks(Frame frame) {
        if (frame.minX() == frame.maxX()) {
            Instant only = Instant.ofEpochSecond(frame.minX());
            return List.of(new Tick(frame.x(only), dates.format(only)));
        }
        long span = frame.maxX() - frame.minX();
        int fit = Math.max(1, (WIDTH - LEFT - RIGHT) / MIN_LABEL_GAP);
        int intervals = (int) Math.max(1, Math.min(fit, Math.max(1, span / 86_400)));
        var ticks = new ArrayList<Tick>();
        String previous = null;
        for (int i = 0; i <= intervals; i++) {
            Instant at = Instant.ofEpochSecond(frame.minX() + span * i / intervals);
            String label = dates.format(at);
            if (label.equals(previous)) continue;
            ticks.add(new Tick(frame.x(at), label));
            previous = label;
        }
        return ticks;
    }

    /** The round step (1, 2 or 5 × 10^n) nearest above {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) return 1;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private void axes(StringBuilder svg, Frame frame) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<g class=\"axes\" font-size=\"10\" fill=\"#5b6572\">");
        for (Tick tick : valueTicks(frame)) {
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(Svg.n(tick.at()))
                    .append("\" y2=\"")
                    .append(Svg.n(tick.at()))
                    .append("\" stroke=\"#e3e6ea\"/>");
            svg.append("<text class=\"y-tick\" x=\"")
                    .append(LEFT - 4)
                    .append("\" y=\"")
                    .append(Svg.n(tick.at() + 3))
                    .append("\" text-anchor=\"end\">")
                    .append(Svg.escape(tick.label()))
                    .append("</text>");
        }
        for (Tick tick : timeTicks(frame)) {
            String anchor = tick.at() <= LEFT + 1 ? "start" : tick.at() >= WIDTH - RIGHT - 1 ? "end" : "middle";
            svg.append("<text class=\"x-tick\" x=\"")
                    .append(Svg.n(tick.at()))
                    .append("\" y=\"")
                    .append(bottom + 16)
                    .append("\" text-anchor=\"")
                    .append(anchor)
                    .append("\">")
                    .append(Svg.escape(tick.label()))
                    .append("</text>");
        }
        svg.append("</g>");
    }

    private void line(StringBuilder svg, Frame frame, Series line, String colour) {
        if (line.points().isEmpty()) return;
        svg.append("<g class=\"series\" data-series=\"")
                .append(Svg.escape(line.name()))
                .append("\">");
        if (line.points().size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"");
            if (line.dashed()) svg.append(" stroke-dasharray=\"5 4\"");
            svg.append(" points=\"");
            for (Point point : line.points()) {
                svg.append(Svg.n(frame.x(point.at())))
                        .append(',')
                        .append(Svg.n(frame.y(point.value())))
                        .append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>");
        }
        for (Point point : line.points()) {
            svg.append("<circle cx=\"")
                    .append(Svg.n(frame.x(point.at())))
                    .append("\" cy=\"")
                    .append(Svg.n(frame.y(point.value())))
                    .append("\" r=\"2\" fill=\"")
                    .append(colour)
                    .append("\">")
                    .append("<title>")
                    .append(Svg.escape(line.name()))
                    .append(' ')
                    .append(dates.format(point.at()))
                    .append(": ")
                    .append(Svg.escape(format.apply(point.value())))
                    .append("</title></circle>");
        }
        svg.append("</g>");
    }

    private void legend(StringBuilder svg) {
        int x = WIDTH - RIGHT;
        svg.append("<g class=\"legend\" font-size=\"10\">");
        for (int i = series.size() - 1; i >= 0; i--) {
            Series line = series.get(i);
            String label = line.name() + (line.dashed() ? " (projected)" : "");
            svg.append("<text x=\"")
                    .append(x)
                    .append("\" y=\"16\" text-anchor=\"end\" fill=\"")
                    .append(COLOURS[i % COLOURS.length])
                    .append("\">")
                    .append(Svg.escape(label))
                    .append("</text>");
            x -= 8 + 6 * label.length();
        }
        svg.append("</g>");
    }
}
