package dev.rounds.schedule;

import static dev.rounds.checklist.SignoffPolicy.ALWAYS;
import static dev.rounds.checklist.SignoffPolicy.NONE;
import static dev.rounds.checklist.SignoffPolicy.ON_FAILURE;
import static dev.rounds.schedule.OccurrenceStatus.DONE;
import static dev.rounds.schedule.OccurrenceStatus.FAILING;
import static dev.rounds.schedule.OccurrenceStatus.LATE;
import static dev.rounds.schedule.OccurrenceStatus.MISSED;
import static dev.rounds.schedule.OccurrenceStatus.OPEN;
import static dev.rounds.schedule.OccurrenceStatus.PASSED;
import static dev.rounds.schedule.OccurrenceStatus.PASSING;
import static dev.rounds.schedule.OccurrenceStatus.WAIVED;
import static dev.rounds.schedule.ProbeVerdict.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.SignoffPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccurrenceRulesTest {

    private static final Instant DUE = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant BEFORE_DUE = DUE.minusSeconds(3600);
    private static final Instant AFTER_DUE = DUE.plusSeconds(3600);
    private static final Instant AFTER_END = END.plusSeconds(1);

    private static OccurrenceRules.State step(
            OccurrenceStatus from,
            SignoffPolicy policy,
            boolean hasProbes,
            ProbeVerdict verdict,
            Instant signedOffAt,
            Instant now) {
        return OccurrenceRules.next(
                new OccurrenceRules.State(from, false, null),
                new OccurrenceRules.Inputs(policy, hasProbes, verdict, signedOffAt, DUE, END, now));
    }

    @ParameterizedTest(name = "{0} + {1} probes={2} verdict={3} before due -> {4}")
    @CsvSource({
        "OPEN,    NONE,       true,  PASSING, PASSING",
        "PASSING, NONE,       true,  FAILING, FAILING",
        "FAILING, NONE,       true,  PASSING, PASSING",
        "OPEN,    NONE,       true,  PENDING, OPEN",
        "OPEN,    ALWAYS,     true,  PASSING, PASSING",
        "OPEN,    ALWAYS,     false, PENDING, OPEN",
        "OPEN,    ON_FAILURE, true,  FAILING, FAILING",
    })
    void beforeDueAnOccurrenceFollowsItsProbes(
            OccurrenceStatus from,
            SignoffPolicy policy,
            boolean hasProbes,
            ProbeVerdict verdict,
            OccurrenceStatus expected) {
        assertEquals(
                expected,
                step(from, policy, hasProbes, verdict, null, BEFORE_DUE).status());
    }

    @ParameterizedTest(name = "{0} + {1} verdict={2} at due -> {3}")
    @CsvSource({
        // passing becomes passed where no sign-off is needed
        "PASSING, NONE,       PASSING, PASSED",
        "PASSING, ON_FAILURE, PASSING, PASSED",
        // a sign-off is still owed
        "PASSING, ALWAYS,     PASSING, MISSED",
        "FAILING, NONE,       FAILING, MISSED",
        "OPEN,    NONE,       PENDING, MISSED",
        // results that arrive after due complete it late
        "OPEN,    NONE,       PASSING, LATE",
    })
    void atDuePassingBecomesPassedAndAnythingElseMissed(
            OccurrenceStatus from, SignoffPolicy policy, ProbeVerdict verdict, OccurrenceStatus expected) {
        assertEquals(expected, step(from, policy, true, verdict, null, DUE).status());
    }

    @Test
    void passedIsCompletedAtDueNotAtTheTickThatNoticed() {
        assertEquals(
                DUE,
                step(PASSING, NONE, true, ProbeVerdict.PASSING, null, AFTER_DUE).completedAt());
    }

    @Test
    void signOffBeforeDueIsDoneAndAfterDueIsLate() {
        Instant early = BEFORE_DUE.minusSeconds(60);
        var done = step(OPEN, ALWAYS, false, PENDING, early, BEFORE_DUE);
        assertEquals(DONE, done.status());
        assertEquals(early, done.completedAt());
        assertEquals(
                LATE, step(MISSED, ALWAYS, false, PENDING, AFTER_DUE, AFTER_DUE).status());
    }

    @Test
    void missedRecoversToLateWhenProbesPassWithinThePeriod() {
        var late = step(MISSED, NONE, true, ProbeVerdict.PASSING, null, AFTER_DUE);
        assertEquals(LATE, late.status());
        assertEquals(AFTER_DUE, late.completedAt());
    }

    @Test
    void afterThePeriodEndsMissedStaysMissed() {
        assertEquals(
                MISSED,
                step(MISSED, NONE, true, ProbeVerdict.PASSING, null, AFTER_END).status());
        assertEquals(MISSED, step(OPEN, ALWAYS, false, PENDING, null, AFTER_END).status());
    }

    @Test
    void onFailureHoldsAConfirmedFailureUntilSignedOffEvenAfterRecovery() {
        var failing = step(PASSING, ON_FAILURE, true, ProbeVerdict.FAILING, null, BEFORE_DUE);
        assertTrue(failing.failureConfirmed());
        var recovered = OccurrenceRules.next(
                failing,
                new OccurrenceRules.Inputs(
                        ON_FAILURE, true, ProbeVerdict.PASSING, null, DUE, END, BEFORE_DUE.plusSeconds(60)));
        assertEquals(FAILING, recovered.status());
        var atDue = OccurrenceRules.next(
                recovered, new OccurrenceRules.Inputs(ON_FAILURE, true, ProbeVerdict.PASSING, null, DUE, END, DUE));
        assertEquals(MISSED, atDue.status());
        var signed = OccurrenceRules.next(
                recovered,
                new OccurrenceRules.Inputs(
                        ON_FAILURE,
                        true,
                        ProbeVerdict.PASSING,
                        BEFORE_DUE.plusSeconds(120),
                        DUE,
                        END,
                        BEFORE_DUE.plusSeconds(120)));
        assertEquals(DONE, signed.status());
    }

    @Test
    void settledOccurrencesNeverChange() {
        for (OccurrenceStatus settled : new OccurrenceStatus[] {DONE, PASSED, LATE, WAIVED}) {
            var state = OccurrenceRules.next(
                    new OccurrenceRules.State(settled, false, null),
                    new OccurrenceRules.Inputs(NONE, true, ProbeVerdict.FAILING, null, DUE, END, AFTER_DUE));
            assertEquals(settled, state.status());
            assertNull(state.completedAt());
        }
    }
}
