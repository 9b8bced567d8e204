package dev.rounds.probe.type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Nagios-compatible plugin printed, read per the Monitoring Plugins development guidelines: the first
 * line is {@code TEXT|PERFDATA}, later lines are long output, and from the first {@code |} on a later line all
 * the rest is performance data too. Each datum {@code 'label'=value[UOM];[warn];[crit];[min];[max]} becomes an
 * operand named after its label (see {@link #operandName}); the value is converted by its unit: {@code s},
 * {@code ms}, {@code us} to a Duration, {@code B}, {@code KB}, {@code MB}, {@code GB}, {@code TB} to bytes
 * (1024-based, as the plugins compute them), {@code %} to a number of percent, {@code c}, none and any other
 * unit to a number.
 * A value of {@code U} (undetermined) is left out.
 *
 * @param text the output without performance data: the first line and the long output, trimmed
 * @param summary the first line's text
 * @param perfdata operand name to value, in the plugin's order
 */
record PluginOutput(String text, String summary, Map<String, Object> perfdata) {

    static PluginOutput parse(String stdout) {
        List<String> lines = stdout.lines().toList();
        var text = new ArrayList<String>();
        var perf = new StringBuilder();
        boolean inPerfdata = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (inPerfdata) {
                perf.append(' ').append(line);
                continue;
            }
            int bar = line.indexOf('|');
            if (bar < 0) {
                text.add(line);
            } else {
                text.add(line.substring(0, bar));
                perf.append(' ').append(line.substring(bar + 1));
                // Only a bar after the first line opens performance data that runs to the end.
                inPerfdata = i > 0;
            }
        }
        String summary = text.isEmpty() ? "" : text.get(0).strip();
        return new PluginOutput(String.join("\n", text).strip(), summary, perfdata(perf.toString()));
    }

    private static Map<String, Object> perfdata(String data) {
        Map<String, Object> values = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length()) {
            while (at < data.length() && Character.isWhitespace(data.charAt(at))) at++;
            if (at >= data.length()) break;
            var label = new StringBuilder();
            if (data.charAt(at) == '\'') {
                at++;
                while (at < data.length()) {
                    if (data.charAt(at) == '\'') {
                        // '' inside a quoted label is one quote.
                        if (at + 1 < data.length() && data.charAt(at + 1) == '\'') {
                            label.append('\'');
                            at += 2;
                            continue;
                        }
                        at++;
                        break;
                    }
                    label.append(data.charAt(at++));
                }
            } else {
                while (at < data.length() && data.charAt(at) != '=' && !Character.isWhitespace(data.charAt(at))) {
                    label.append(data.charAt(at++));
                }
            }
            int end = at;
            while (end < data.length() && !Character.isWhitespace(data.charAt(end))) end++;
            String rest = data.substring(at, end);
            at = end;
            if (!rest.startsWith("=")) continue;
            String value = rest.substring(1).split(";", -1)[0];
            Object converted = converted(value);
            if (converted != null) values.putIfAbsent(operandName(label.toString()), converted);
        }
        return values;
    }

    /**
     * The operand a label becomes: each run of characters other than letters, digits and {@code _} is one
     * {@code _}, with none at either end; a leading digit gets a {@code _} before it; a label with nothing left,
     * such as check_disk's {@code /}, is {@code root}.
     */
    static String operandName(String label) {
        String name = label.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) return "root";
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    private static Object converted(String value) {
        int unit = 0;
        while (unit < value.length() && "+-0123456789.eE".indexOf(value.charAt(unit)) >= 0) unit++;
        double number;
        try {
            number = Double.parseDouble(value.substring(0, unit));
        } catch (NumberFormatException undetermined) {
            return null;
        }
        return switch (value.substring(unit).toUpperCase(Locale.ROOT)) {
            case "", "C", "%" ->
                number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : number;
            case "S" -> Duration.ofNanos(Math.round(number * 1e9));
            case "MS" -> Duration.ofNanos(Math.round(number * 1e6));
            case "US" -> Duration.ofNanos(Math.round(number * 1e3));
            case "B" -> Math.round(number);
            case "KB" -> Math.round(number * 1024);
            case "MB" -> Math.round(number * 1024 * 1024);
            case "GB" -> Math.round(number * 1024 * 1024 * 1024);
            case "TB" -> Math.round(number * 1024 * 1024 * 1024 * 1024);
            default -> number;
        };
    }
}
