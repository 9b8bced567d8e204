package dev.rounds.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger that makes {@code audit_log} append-only: every UPDATE and DELETE of a row is refused. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException(
                "audit_log is append-only: " + operation + " of entry seq " + oldRow[0]
                        + " refused; record a correction as a new audit entry instead",
                "42501");
    }
}
