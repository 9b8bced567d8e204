package dev.rounds.checklist;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the times written in the inventory: maintenance windows ({@code Sun 02:00} for 2h) and SLA service hours. */
final class ServiceTimeReader {

    static final Set<String> MAINTENANCE_KEYS = Set.of("every", "duration");

    private static final Pattern WINDOW = Pattern.compile("(?:([A-Za-z]+)\\s+)?(\\d{1,2}):(\\d{2})");
    private static final Pattern HOURS = Pattern.compile("(?:(\\S+)\\s+)?(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    private final YamlFile file;

    ServiceTimeReader(YamlFile file) {
        this.file = file;
    }

    /** The maintenance windows written on a group or target ({@code owner}); those with problems are left out. */
    List<MaintenanceWindow> maintenance(YamlFields fields, String owner) {
        List<Node> items = fields.list("maintenance");
        if (items == null) return List.of();
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (Node item : items) {
            YamlFields window = file.fields(item, "a maintenance window of " + owner);
            if (window == null) continue;
            window.rejectUnknown(MAINTENANCE_KEYS);
            String every = window.requiredText("every");
            Duration duration = window.positiveDuration("duration");
            if (!window.has("duration")) window.missing("duration");
            if (every == null) continue;
            Matcher m = WINDOW.matcher(every.strip());
            DayOfWeek day = m.matches() && m.group(1) != null ? day(m.group(1)) : null;
            LocalTime start = m.matches() ? time(m.group(2), m.group(3)) : null;
            if (start == null || m.group(1) != null && day == null) {
                file.problem(
                        window.value("every"),
                        "maintenance 'every' must be a day and time like 'Sun 02:00', "
                                + "or a time like '02:00' for every day, got " + Problem.quote(every));
                continue;
            }
            Duration longest = day == null ? Duration.ofDays(1) : Duration.ofDays(7);
            if (duration != null && duration.compareTo(longest) > 0) {
                file.problem(
                        window.value("duration"),
                        "a " + (day == null ? "daily" : "weekly") + " maintenance window lasts at most "
                                + (day == null ? "24h" : "7d") + ", got " + window.text("duration"));
                continue;
            }
            if (duration != null) windows.add(new MaintenanceWindow(day, start, duration));
        }
        return windows;
    }

    /** The {@code sla_hours} written on a group or target, or {@code null}. */
    ServiceHours serviceHours(YamlFields fields) {
        String text = fields.text("sla_hours");
        if (text == null) return null;
        Matcher m = HOURS.matcher(text.strip());
        Set<DayOfWeek> days = m.matches() ? days(m.group(1)) : null;
        LocalTime start = m.matches() ? time(m.group(2), m.group(3)) : null;
        boolean endOfDay = m.matches() && m.group(4).equals("24") && m.group(5).equals("00");
        LocalTime end = m.matches() && !endOfDay ? time(m.group(4), m.group(5)) : null;
        if (days == null || start == null || end == null && !endOfDay) {
            file.problem(
                    fields.value("sla_hours"),
                    "'sla_hours' must be days and hours like 'Mon-Fri 08:00-18:00', got " + Problem.quote(text));
            return null;
        }
        Duration length = endOfDay ? Duration.between(start, LocalTime.MAX).plusNanos(1) : Duration.between(start, end);
        if (length.isNegative() || length.isZero()) {
            file.problem(
                    fields.value("sla_hours"),
                    "'sla_hours' must end after they start, got " + Problem.quote(text)
                            + " (hours across midnight are not supported; split them, or use 00:00-24:00)");
            return null;
        }
        return new ServiceHours(days, start, length, text.strip());
    }

    /** {@code Mon-Fri}, {@code Sat,Sun}, {@code Mon-Wed,Fri}; wrapping ranges such as {@code Fri-Mon} too. */
    private static Set<DayOfWeek> days(String spec) {
        if (spec == null) return EnumSet.allOf(DayOfWeek.class);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] range = part.split("-", -1);
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length == 2 ? day(range[1]) : from;
            if (from == null || to == null || range.length > 2) return null;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) break;
            }
        }
        return days;
    }

    /** A day as {@code Mon} or {@code Monday}, in any case. */
    private static DayOfWeek day(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (lower.equals(full) || lower.equals(full.substring(0, 3))) return day;
        }
        return null;
    }

    private static LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }
}
