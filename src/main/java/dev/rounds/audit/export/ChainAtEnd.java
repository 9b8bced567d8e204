package dev.rounds.audit.export;

import dev.rounds.audit.AuditHash;
import dev.rounds.core.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The audit chain as it stood at the end of a range, and what a bundle of that range says of its {@code audit.jsonl}
 * (the file's SHA-256 and size, the slice's last seq and hash), read without writing a bundle. For a range that has
 * ended these no longer change, so a document that states them is the same whenever it is made.
 */
@ApplicationScoped
public class ChainAtEnd {

    /**
     * @param headSeq the last entry stamped before the range's end, {@code 0} if none
     * @param headHash its hash, {@code null} if none
     * @param headAt its time, {@code null} if none
     * @param entries the entries in {@code audit.jsonl}
     * @param lastSeq the last of them, {@code null} if none; equals {@code headSeq} whenever there is one
     * @param sha256 the SHA-256 of {@code audit.jsonl}, as the bundle's manifest lists it
     */
    public record Facts(
            long headSeq,
            String headHash,
            Instant headAt,
            long entries,
            Long lastSeq,
            String lastHash,
            String sha256,
            long bytes) {}

    private static final String HEAD =
            "SELECT seq, hash, at FROM audit_log" + " WHERE seq = (SELECT MAX(seq) FROM audit_log WHERE at < ?)";

    private final AuditJsonlFile file;
    private final DataSource dataSource;

    @Inject
    public ChainAtEnd(AuditJsonlFile file, DataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    public Facts of(Interval range) throws IOException {
        ChainSlice slice = new ChainSlice();
        CountingDigestSink sink = new CountingDigestSink(OutputStream.nullOutputStream(), slice);
        file.write(range, sink);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HEAD)) {
            query.setString(1, AuditHash.timestamp(range.to()));
            try (ResultSet row = query.executeQuery()) {
                boolean found = row.next();
                return new Facts(
                        found ? row.getLong(1) : 0,
                        found ? row.getString(2) : null,
                        found ? Instant.parse(row.getString(3)) : null,
                        slice.entries(),
                        slice.lastSeq(),
                        slice.lastHash(),
                        sink.sha256(),
                        sink.bytes());
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the audit chain before " + range.to() + ": " + e.getMessage(), e);
        }
    }
}
