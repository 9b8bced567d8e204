package dev.rounds.backup;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.core.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Backs up Rounds itself: on H2 its database as a zip-compressed SQL script ({@code rounds-db-<UTC time>.zip}), on
 * every database its checklist folder ({@code rounds-checklists-<UTC time>.zip}; a PostgreSQL database is backed up
 * with pg_dump, outside Rounds). Each file is written under a temporary name and moved into place, so a file with
 * the final name is always whole; each is an audit entry with its SHA-256. Keeps the newest {@code keep} of each.
 */
@ApplicationScoped
public class SelfBackup {

    static final String DATABASE_PREFIX = "rounds-db-";
    static final String CHECKLISTS_PREFIX = "rounds-checklists-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(SelfBackup.class);

    @Inject
    BackupConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    ChecklistRegistry checklists;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** The backup folder. */
    public Path folder() {
        return Path.of(config.dir());
    }

    /** Whether the folder already holds a backup of each kind this database gets. */
    public boolean hasBackups() {
        return (!isH2() || anyBackup(DATABASE_PREFIX)) && anyBackup(CHECKLISTS_PREFIX);
    }

    /** Takes a backup now, audited as {@code actor}; returns the files written. */
    public synchronized List<BackupFile> takeNow(String actor) {
        try {
            Files.createDirectories(folder());
            String stamp = STAMP.format(clock.instant());
            List<BackupFile> written = new ArrayList<>();
            if (isH2()) {
                written.add(write(
                        BackupFile.DATABASE, DATABASE_PREFIX, stamp, actor, temp -> H2Script.write(dataSource, temp)));
            }
            written.add(write(
                    BackupFile.CHECKLISTS,
                    CHECKLISTS_PREFIX,
                    stamp,
                    actor,
                    temp -> ChecklistArchive.write(checklists.folder(), temp)));
            prune(DATABASE_PREFIX, actor);
            prune(CHECKLISTS_PREFIX, actor);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write a backup to " + folder().toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(Path temp) throws IOException, SQLException;
    }

    private BackupFile write(String kind, String prefix, String stamp, String actor, Writer writer) throws IOException {
        Path target = freeName(prefix + stamp);
        Path temp = folder().resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            writer.write(temp);
            move(temp, target);
        } catch (SQLException e) {
            throw new IOException("the database refused the backup: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
        BackupFile file = new BackupFile(
                kind, target.getFileName().toString(), target.toString(), Files.size(target), sha256(target));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind);
        detail.put("size", file.size());
        detail.put("sha256", file.sha256());
        audit.append(actor, "backup.created", file.file(), detail);
        LOG.infof("backup written kind=%s file=%s size=%d sha256=%s", kind, target, file.size(), file.sha256());
        return file;
    }

    /** The name for this stamp; a second backup within the same second gets a counter. */
    private Path freeName(String base) {
        Path candidate = folder().resolve(base + ".zip");
        for (int n = 2; Files.exists(candidate); n++) candidate = folder().resolve(base + "-" + n + ".zip");
        return candidate;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the backup folder does not support atomic renames: " + e.getMessage(), e);
        }
    }

    private void prune(String prefix, String actor) throws IOException {
        List<Path> backups = backups(prefix);
        if (backups.size() <= config.keep()) return;
        List<String> deleted = new ArrayList<>();
        for (Path old : backups.subList(config.keep(), backups.size())) {
            Files.delete(old);
            deleted.add(old.getFileName().toString());
        }
        audit.append(actor, "backup.pruned", prefix + "*", Map.of("deleted", deleted, "keep", config.keep()));
    }

    /** The backups of one kind, newest first. */
    private List<Path> backups(String prefix) throws IOException {
        if (!Files.isDirectory(folder())) return List.of();
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing(SelfBackup::modified)
                            .thenComparing(Path::toString)
                            .reversed())
                    .toList();
        }
    }

    private boolean anyBackup(String prefix) {
        try {
            return !backups(prefix).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private boolean isH2() {
        return "h2".equals(dbKind);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) digest.update(buffer, 0, n);
            return Sha256.hex(digest);
        }
    }
}
