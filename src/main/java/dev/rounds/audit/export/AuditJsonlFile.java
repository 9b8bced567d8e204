package dev.rounds.audit.export;

import dev.rounds.audit.AuditHash;
import dev.rounds.core.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code audit.jsonl}: the slice of the audit chain from the first entry at or after the range's start to the last
 * entry before its end, one JSON object per line in seq order.
 *
 * <p>Each line holds the hashed fields in hash order, {@code seq, at, actor, action, subject, detail, prev_hash,
 * hash}, with the detail as its stored canonical text, so a shell procedure rebuilds the hashed text from the line
 * alone: it unescapes the strings and takes the detail verbatim. The slice is contiguous in seq (entries are
 * stamped under the chain lock, so time order and seq order agree), which lets every prev_hash link be checked.
 */
@ApplicationScoped
public class AuditJsonlFile implements BundleFile {

    public static final String NAME = "audit.jsonl";

    /** The slice's ends, read from the index on (at, seq). */
    private static final String ENDS = "SELECT MIN(seq), MAX(seq) FROM audit_log WHERE at >= ? AND at < ?";

    private static final int PAGE_SIZE = 10_000;
    private static final String PAGE = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
            + " WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT " + PAGE_SIZE;

    private final DataSource dataSource;

    @Inject
    public AuditJsonlFile(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Interval range, OutputStream out) throws IOException {
        Writer lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ends = connection.prepareStatement(ENDS)) {
                ends.setString(1, AuditHash.timestamp(range.from()));
                ends.setString(2, AuditHash.timestamp(range.to()));
                try (ResultSet row = ends.executeQuery()) {
                    row.next();
                    long first = row.getLong(1);
                    long last = row.getLong(2);
                    if (first > 0) writeSlice(connection, first, last, lines);
                }
            }
        } catch (SQLException e) {
            throw new IOException(
                    "cannot read the audit log for " + range.from() + " to " + range.to() + ": " + e.getMessage(), e);
        }
        lines.flush();
    }

    private static void writeSlice(Connection connection, long first, long last, Writer lines)
            throws SQLException, IOException {
        try (PreparedStatement page = connection.prepareStatement(PAGE)) {
            page.setFetchSize(PAGE_SIZE);
            long after = first - 1;
            int rowsInPage = PAGE_SIZE;
            while (rowsInPage == PAGE_SIZE) {
                page.setLong(1, after);
                page.setLong(2, last);
                rowsInPage = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        rowsInPage++;
                        after = rows.getLong(1);
                        writeLine(rows, lines);
                    }
                }
            }
        }
    }

    private static void writeLine(ResultSet row, Writer line) throws SQLException, IOException {
        line.write("{\"seq\":");
        line.write(Long.toString(row.getLong(1)));
        line.write(",\"at\":");
        writeString(row.getString(2), line);
        line.write(",\"actor\":");
        writeString(row.getString(3), line);
        line.write(",\"action\":");
        writeString(row.getString(4), line);
        line.write(",\"subject\":");
        writeString(row.getString(5), line);
        line.write(",\"detail\":");
        line.write(row.getString(6));
        line.write(",\"prev_hash\":");
        writeString(row.getString(7), line);
        line.write(",\"hash\":");
        writeString(row.getString(8), line);
        line.write("}\n");
    }

    /** A JSON string escaped as RFC 8785 does: only {@code "}, {@code \} and control characters. */
    static void writeString(String text, Writer out) throws IOException {
        out.write('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (c < 0x20) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }
}
