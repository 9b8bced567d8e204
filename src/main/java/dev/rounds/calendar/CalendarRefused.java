package dev.rounds.calendar;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A calendar feed or token request that cannot be answered, with the reason a person can act on. */
public class CalendarRefused extends RoundsException {

    public CalendarRefused(int status, String detail) {
        super(status, title(status), detail);
    }

    private static ProblemTitle title(int status) {
        return status == 429 ? ProblemTitle.TOO_MANY_REQUESTS : ProblemTitle.refusal(status, ProblemTitle.FORBIDDEN);
    }
}
