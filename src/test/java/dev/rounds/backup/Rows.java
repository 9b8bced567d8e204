package dev.rounds.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A database's rows as text, to compare a restored copy with the live database and read backup audit entries. */
final class Rows {

    private Rows() {}

    /** Every row of the query, each as its columns' text. */
    static List<List<String>> of(Connection connection, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) values.add(row.getString(i));
                rows.add(values);
            }
        }
        return rows;
    }

    /** The audit entries with this action and subject, each as {@code actor detail}, in order. */
    static List<String> audited(DataSource dataSource, String action, String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT actor || ' ' || detail FROM audit_log WHERE action = ? AND subject = ? ORDER BY seq")) {
            query.setString(1, action);
            query.setString(2, subject);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) rows.add(row.getString(1));
            }
            return rows;
        }
    }
}
