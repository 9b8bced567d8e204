package dev.rounds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.report.Dashboard.Line;
import dev.rounds.report.Dashboard.ProbeLine;
import dev.rounds.report.Dashboard.Row;
import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard line of an activity over many targets lists a bounded number of probe groups, failures first. */
class DashboardLinesTest {

    private static final Instant NOW = Instant.parse("2026-03-24T09:00:00Z");

    private static Line line(List<ProbeLine> probes) {
        Row row = new Row(1, "reach", "Listeners accept", "open", null, NOW.plusSeconds(3600), null, false, probes);
        return DashboardLines.line(row, OccurrenceStatus.OPEN, "cluster", "Loopback", NOW, ZoneOffset.UTC);
    }

    private static ProbeLine probe(int target, String status) {
        // each tcp probe's message names its own connect time, so no two group together
        return new ProbeLine(
                "cluster/reach#0@t" + target,
                "tcp",
                "t" + target,
                status,
                "connected in 0." + target + " ms",
                NOW,
                null,
                null);
    }

    @Test
    void aThousandTargetsListTheFirstGroupsWithTheFailingOnesFirstAndCountTheRest() {
        List<ProbeLine> probes = new ArrayList<>();
        for (int target = 0; target < 1000; target++) probes.add(probe(target, target == 700 ? "down" : "up"));

        Line line = line(probes);

        assertEquals(DashboardLines.LISTED_GROUPS, line.groups().size());
        assertEquals("down", line.groups().get(0).state(), "the failing probe is listed, and first");
        assertEquals(List.of("tcp → t700"), line.groups().get(0).probes());
        assertEquals(1000 - DashboardLines.LISTED_GROUPS, line.unlisted());
        assertEquals("999 of 1000 up", line.probes(), "the summary still counts every probe");
    }

    @Test
    void aFewTargetsAreAllListedInTheirOrder() {
        List<ProbeLine> probes = new ArrayList<>();
        for (int target = 0; target < DashboardLines.LISTED_GROUPS; target++)
            probes.add(probe(target, target == 3 ? "down" : "up"));

        Line line = line(probes);

        assertEquals(DashboardLines.LISTED_GROUPS, line.groups().size());
        assertEquals("up", line.groups().get(0).state());
        assertEquals("down", line.groups().get(3).state());
        assertEquals(0, line.unlisted());
    }
}
