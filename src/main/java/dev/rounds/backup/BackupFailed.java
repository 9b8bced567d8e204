package dev.rounds.backup;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A backup that could not write the database: already logged and audited as {@code backup.failed}. */
public class BackupFailed extends RoundsException {

    BackupFailed(String detail) {
        super(500, ProblemTitle.INTERNAL_ERROR, detail);
    }
}
