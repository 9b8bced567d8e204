package dev.rounds.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The change process allows each step from exactly one state, and says what comes next when asked out of order. */
class ChangeStepTest {

    @ParameterizedTest(name = "{0} from {1} leads to {2}")
    @CsvSource({
        "CLASSIFY,  REQUESTED,   CLASSIFIED",
        "APPROVE,   CLASSIFIED,  APPROVED",
        "REJECT,    CLASSIFIED,  REJECTED",
        "IMPLEMENT, APPROVED,    IMPLEMENTED",
        "REVIEW,    IMPLEMENTED, REVIEWED"
    })
    void eachStepLeadsFromItsStateToTheNext(ChangeStep step, ChangeState from, ChangeState to) {
        assertEquals(to, step.apply(7, from));
    }

    @ParameterizedTest(name = "{0} is refused from every other state")
    @CsvSource({
        "CLASSIFY, REQUESTED",
        "APPROVE, CLASSIFIED",
        "REJECT, CLASSIFIED",
        "IMPLEMENT, APPROVED",
        "REVIEW, IMPLEMENTED"
    })
    void aStepFromAnyOtherStateIsAConflict(ChangeStep step, ChangeState allowed) {
        for (ChangeState other : EnumSet.complementOf(EnumSet.of(allowed))) {
            ChangeRefused refused = assertThrows(ChangeRefused.class, () -> step.apply(7, other), other.name());
            assertEquals(409, refused.status());
            assertTrue(
                    refused.getMessage().startsWith("change 7 is " + other.label() + "; it can be "),
                    refused.getMessage());
        }
    }

    @Test
    void anOutOfOrderStepSaysWhatComesNext() {
        assertEquals(
                "change 3 is requested; it can be approved only when classified (classify it first)",
                assertThrows(ChangeRefused.class, () -> ChangeStep.APPROVE.apply(3, ChangeState.REQUESTED))
                        .getMessage());
        assertEquals(
                "change 3 is reviewed; it can be implemented only when approved (it is closed)",
                assertThrows(ChangeRefused.class, () -> ChangeStep.IMPLEMENT.apply(3, ChangeState.REVIEWED))
                        .getMessage());
        assertEquals(
                "change 3 is rejected; it can be reviewed only when implemented (it is closed)",
                assertThrows(ChangeRefused.class, () -> ChangeStep.REVIEW.apply(3, ChangeState.REJECTED))
                        .getMessage());
    }

    @Test
    void stepsAreRecordedUnderTheirPastTense() {
        assertEquals("change.classified", ChangeStep.CLASSIFY.action());
        assertEquals("change.rejected", ChangeStep.REJECT.action());
    }

    @Test
    void theVocabularyIsWrittenInLowerCaseWithHyphensAndAnUnknownWordListsTheAllowedOnes() {
        assertEquals(ChangeOutcome.ROLLED_BACK, Vocabulary.parse(ChangeOutcome.class, "rolled-back", "outcome"));
        assertEquals("rolled-back", Vocabulary.label(ChangeOutcome.ROLLED_BACK));
        ChangeRefused refused =
                assertThrows(ChangeRefused.class, () -> Vocabulary.parse(ChangePriority.class, "urgent", "priority"));
        assertEquals(422, refused.status());
        assertEquals("priority must be one of low, medium, high, emergency; got 'urgent'", refused.getMessage());
        assertEquals(
                "category must be one of standard, normal, emergency",
                assertThrows(ChangeRefused.class, () -> Vocabulary.parse(ChangeCategory.class, null, "category"))
                        .getMessage());
    }
}
