package dev.rounds.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anchor of a batch of probe results in the audit chain: SHA-256 over the canonical JSON of each
 * result row in id order, each followed by a newline. The result writer feeds it the rows it inserts;
 * {@code verify} feeds it the same rows read back from {@code probe_result}. Both build them with {@link #row}.
 *
 * <p>A row is the map {@code id, probe, started_at, duration_us, status, values, conditions, message}, with
 * {@code started_at} as ISO-8601 UTC with microseconds and {@code values}/{@code conditions} as parsed JSON.
 */
public final class ResultDigest {

    /** The audit action of a digest entry; its detail is {@code {first_id, last_id, count, sha256}}. */
    public static final String ACTION = "results.digest";

    public static final String SUBJECT = "probe_result";
    /**
     * The audit action written when old raw results are deleted; its detail is {@code {before_id}}: results with a
     * smaller id may be gone, so {@code verify} reports the digests of those results as not checkable.
     */
    public static final String PRUNED_ACTION = "results.pruned";

    private final MessageDigest sha256;
    private long firstId = -1;
    private long lastId = -1;
    private long count;

    public ResultDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A result row in the documented form, from the values as stored; {@code startedAt} is written truncated to
     * microseconds. A column read back as SQL {@code NULL} stays {@code null}, so the digest differs.
     */
    public static Map<String, Object> row(
            long id,
            String probe,
            Instant startedAt,
            Long durationUs,
            String status,
            Object values,
            Object conditions,
            String message) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", id);
        row.put("probe", probe);
        row.put("started_at", startedAt == null ? null : AuditHash.timestamp(startedAt));
        row.put("duration_us", durationUs);
        row.put("status", status);
        row.put("values", values);
        row.put("conditions", conditions);
        row.put("message", message);
        return row;
    }

    /** Adds the next row; rows must come in ascending id order. */
    public ResultDigest add(long id, Map<String, Object> row) {
        return addCanonical(id, CanonicalRows.of(row));
    }

    /** Adds the next row given as its canonical JSON ({@link CanonicalRows#of}); rows must come in ascending id order. */
    public ResultDigest addCanonical(long id, String canonicalRow) {
        if (id <= lastId) {
            throw new IllegalArgumentException("result rows must be digested in id order: " + id + " after " + lastId);
        }
        if (firstId < 0) firstId = id;
        lastId = id;
        count++;
        sha256.update(canonicalRow.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        return this;
    }

    public long count() {
        return count;
    }

    /** The audit detail of this batch. Finishes the digest: add nothing after calling it. */
    public Map<String, Object> detail() {
        return Map.of(
                "first_id",
                firstId,
                "last_id",
                lastId,
                "count",
                count,
                "sha256",
                HexFormat.of().formatHex(sha256.digest()));
    }
}
