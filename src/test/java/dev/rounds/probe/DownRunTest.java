package dev.rounds.probe;

import static dev.rounds.probe.ProbeStatus.DOWN;
import static dev.rounds.probe.ProbeStatus.ERROR;
import static dev.rounds.probe.ProbeStatus.UNKNOWN;
import static dev.rounds.probe.ProbeStatus.UP;
import static dev.rounds.probe.ProbeStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The run of consecutive downs the writer and the rollup fold share, without a database. */
class DownRunTest {

    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    private static Instant minute(int n) {
        return T.plusSeconds(60L * n);
    }

    @Test
    void downsCountFromTheFirstAndAnUpOrWarnEndsTheRun() {
        var run = new DownRun();
        run.add(UP, minute(0));
        run.add(DOWN, minute(1));
        run.add(DOWN, minute(2));

        assertEquals(2, run.downs());
        assertEquals(minute(1), run.firstDownAt());

        run.add(WARN, minute(3));

        assertEquals(0, run.downs());
        assertNull(run.firstDownAt());
        assertTrue(run.ended());
    }

    @Test
    void errorsAndUnknownsNeitherBreakNorGrowTheRun() {
        var run = new DownRun();
        run.add(DOWN, minute(1));
        run.add(ERROR, minute(2));
        run.add(UNKNOWN, minute(3));
        run.add(DOWN, minute(4));

        assertEquals(2, run.downs());
        assertEquals(minute(1), run.firstDownAt());
        assertFalse(run.ended(), "only an up or warn ends a run");
    }

    @Test
    void aStoredRunCarriesOnFromItsFirstDown() {
        var run = new DownRun(3, minute(-3));
        run.add(DOWN, minute(0));

        assertEquals(4, run.downs());
        assertEquals(minute(-3), run.firstDownAt());
        assertFalse(run.ended());
    }

    @Test
    void aRunEndedWithinTheResultsStartsAgainFromTheNextDown() {
        var run = new DownRun(5, minute(-5));
        run.add(UP, minute(0));
        run.add(DOWN, minute(1));

        assertTrue(run.ended(), "the stored run of five was ended");
        assertEquals(1, run.downs());
        assertEquals(minute(1), run.firstDownAt());
    }

    @Test
    void statusesAreReadFromTheirLabelsAndOnlyUpWarnAndDownJudgeTheTarget() {
        for (ProbeStatus status : ProbeStatus.values()) assertEquals(status, ProbeStatus.ofLabel(status.label()));
        assertEquals(UNKNOWN, ProbeStatus.ofLabel("UP"), "labels are lower case");
        assertEquals(UNKNOWN, ProbeStatus.ofLabel("critical"));
        assertTrue(UP.judgesTarget() && WARN.judgesTarget() && DOWN.judgesTarget());
        assertFalse(ERROR.judgesTarget() || UNKNOWN.judgesTarget());
    }
}
