package dev.rounds.audit.export;

import dev.rounds.audit.AuditHash;
import dev.rounds.audit.CanonicalJson;
import dev.rounds.core.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes the auditor's export bundle as a zip, streaming: every {@link BundleFile} in name order, then
 * {@code manifest.json} with each file's size and SHA-256, the slice's chain facts and the chain head, and
 * {@code manifest.sig} where a signing key is configured.
 */
@ApplicationScoped
public class BundleWriter {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String FORMAT = "rounds-audit-bundle/1";

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1";

    private final Instance<BundleFile> files;
    private final DataSource dataSource;
    private final Clock clock;
    private final ManifestSigner signer;

    @Inject
    public BundleWriter(Instance<BundleFile> files, DataSource dataSource, Clock clock, ManifestSigner signer) {
        this.files = files;
        this.dataSource = dataSource;
        this.clock = clock;
        this.signer = signer;
    }

    /** Writes the bundle for {@code range} to {@code out}, which it finishes but does not close. */
    public BundleManifest write(Interval range, OutputStream out) throws IOException {
        Instant createdAt = clock.instant();
        ZipOutputStream zip = new ZipOutputStream(out);
        List<Map<String, Object>> listed = new ArrayList<>();
        ChainSlice slice = new ChainSlice();
        for (BundleFile file : sorted()) {
            zip.putNextEntry(entry(file.name(), createdAt));
            CountingDigestSink sink =
                    new CountingDigestSink(zip, AuditJsonlFile.NAME.equals(file.name()) ? slice : null);
            file.write(range, sink);
            zip.closeEntry();
            Map<String, Object> facts = new TreeMap<>();
            facts.put("name", file.name());
            facts.put("bytes", sink.bytes());
            facts.put("sha256", sink.sha256());
            listed.add(facts);
        }
        // Read after the slice: every entry in it was committed, so the head is at or beyond its last entry.
        long[] headSeq = new long[1];
        String headHash = head(headSeq);
        Map<String, Object> manifest = new HashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("created_at", AuditHash.timestamp(createdAt));
        manifest.put("from", AuditHash.timestamp(range.from()));
        manifest.put("to", AuditHash.timestamp(range.to()));
        manifest.put("files", listed);
        manifest.put("entries", slice.entries());
        manifest.put("first_seq", slice.firstSeq());
        manifest.put("first_prev_hash", slice.firstPrevHash());
        manifest.put("last_seq", slice.lastSeq());
        manifest.put("last_hash", slice.lastHash());
        manifest.put("head_seq", headSeq[0]);
        manifest.put("head_hash", headHash);
        byte[] text = (CanonicalJson.of(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(entry(MANIFEST, createdAt));
        CountingDigestSink sink = new CountingDigestSink(zip, null);
        sink.write(text, 0, text.length);
        zip.closeEntry();
        Optional<byte[]> signature = signer.sign(text);
        if (signature.isPresent()) {
            zip.putNextEntry(entry(SIGNATURE, createdAt));
            zip.write(signature.get());
            zip.closeEntry();
        }
        zip.finish();
        return new BundleManifest(
                sink.sha256(), slice.entries(), slice.lastSeq(), slice.lastHash(), headSeq[0], headHash);
    }

    private List<BundleFile> sorted() {
        List<BundleFile> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(Comparator.comparing(BundleFile::name));
        for (int i = 0; i < sorted.size(); i++) {
            String name = sorted.get(i).name();
            if (!FILE_NAME.matcher(name).matches() || name.equals(MANIFEST) || name.equals(SIGNATURE)) {
                throw new IllegalStateException("bundle file "
                        + sorted.get(i).getClass().getName() + " is named '"
                        + name + "'; a bundle file name is lowercase letters, digits, '.', '_' and '-', and neither "
                        + MANIFEST + " nor " + SIGNATURE);
            }
            if (i > 0 && name.equals(sorted.get(i - 1).name())) {
                throw new IllegalStateException("two bundle files are named '" + name + "': "
                        + sorted.get(i - 1).getClass().getName() + " and "
                        + sorted.get(i).getClass().getName());
            }
        }
        return sorted;
    }

    private static ZipEntry entry(String name, Instant createdAt) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(createdAt.toEpochMilli());
        return entry;
    }

    private String head(long[] seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HEAD);
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IOException("table audit_head has no row: the audit migration did not run");
            }
            seq[0] = row.getLong(1);
            return row.getString(2);
        } catch (SQLException e) {
            throw new IOException("cannot read the audit chain head: " + e.getMessage(), e);
        }
    }
}
