package dev.rounds.report.sla;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a target's probes feed its SLA figures: only continuous ones ({@code every:}) do; calendar probes (run once
 * per occurrence) raise alerts and judge occurrences but say nothing about the time between their runs, so a page
 * that shows "0 incidents" beside their alerts must say so.
 *
 * @param continuous the probes that feed availability, e.g. {@code weekly/uptime (tcp, every 1h)}
 * @param calendar the probes against it that do not
 */
public record SlaFeeds(List<String> continuous, List<String> calendar) {

    public SlaFeeds {
        continuous = List.copyOf(continuous);
        calendar = List.copyOf(calendar);
    }

    /** Every target of the current inventory, by id, with the probes against it in checklist order. */
    public static Map<String, SlaFeeds> of(ChecklistRegistry registry) {
        Map<String, List<String>> continuous = new LinkedHashMap<>();
        Map<String, List<String>> calendar = new LinkedHashMap<>();
        for (Checklist checklist : registry.current().checklists()) {
            for (Activity activity : checklist.activities()) {
                for (ProbeSpec spec : activity.probes()) {
                    String name = checklist.id() + "/" + activity.id() + " (" + spec.type();
                    for (Target target : spec.targets()) {
                        if (spec.every() != null) {
                            continuous
                                    .computeIfAbsent(target.id(), t -> new ArrayList<>())
                                    .add(name + ", every " + every(spec.every()) + ")");
                        } else {
                            calendar.computeIfAbsent(target.id(), t -> new ArrayList<>())
                                    .add(name + ")");
                        }
                    }
                }
            }
        }
        var feeds = new LinkedHashMap<String, SlaFeeds>();
        for (Target target : registry.current().inventory().targets()) {
            feeds.put(
                    target.id(),
                    new SlaFeeds(
                            continuous.getOrDefault(target.id(), List.of()),
                            calendar.getOrDefault(target.id(), List.of())));
        }
        return feeds;
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}: the way checklists write intervals. */
    static String every(Duration every) {
        long s = every.toSeconds();
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3600 == 0) return s / 3600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
