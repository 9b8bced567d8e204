package dev.rounds.report.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A query for the rows of any number of keys: its SQL ends in {@code IN }, and it runs once per
 * {@value #IN_LIST} keys, so that no statement grows past what the databases take well.
 */
public final class InListQuery {

    /** Keys per {@code IN} list. */
    private static final int IN_LIST = 500;

    /** Reads one row of the result. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private InListQuery() {}

    /** Runs {@code sql} for the keys with the parameters {@code before} set ahead of each {@code IN} list. */
    public static void forEachIn(
            Connection connection, String sql, Collection<String> keys, List<Object> before, RowReader reader)
            throws SQLException {
        var all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String marks = "(" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql + marks)) {
                int index = 1;
                for (Object parameter : before) select.setObject(index++, parameter);
                for (String key : part) select.setString(index++, key);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) reader.read(rows);
                }
            }
        }
    }
}
