package dev.rounds.backup;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.core.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Backs up Rounds itself: its database ({@code rounds-db-<UTC time>.zip}, an SQL script, on H2;
 * {@code rounds-db-<UTC time>.dump}, pg_dump's custom format, on PostgreSQL) and its checklist folder
 * ({@code rounds-checklists-<UTC time>.zip}). Each file is written under a temporary name of its own and linked to
 * its final name only if no other file has that name, so a file with the final name is always whole, even when
 * several instances write into one folder at once; each is an audit entry with its SHA-256. Keeps the newest
 * {@code keep} of each kind. When the database cannot be written the checklists still are, and the failure is
 * logged, audited as {@code backup.failed} and thrown as {@link BackupFailed}.
 */
@ApplicationScoped
public class SelfBackup {

    static final String DATABASE_PREFIX = "rounds-db-";
    static final String CHECKLISTS_PREFIX = "rounds-checklists-";
    private static final String ZIP = ".zip";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(SelfBackup.class);

    private final BackupConfig config;
    private final DatabaseDump database;
    private final Path checklistFolder;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    SelfBackup(BackupConfig config, DatabaseDump database, ChecklistRegistry checklists, AuditLog audit, Clock clock) {
        this(config, database, checklists.folder(), audit, clock);
    }

    SelfBackup(BackupConfig config, DatabaseDump database, Path checklistFolder, AuditLog audit, Clock clock) {
        this.config = config;
        this.database = database;
        this.checklistFolder = checklistFolder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The backup folder. */
    public Path folder() {
        return Path.of(config.dir());
    }

    /** Whether the folder already holds a backup of the database and one of the checklists. */
    public boolean hasBackups() {
        return anyBackup(DATABASE_PREFIX, database.extension()) && anyBackup(CHECKLISTS_PREFIX, ZIP);
    }

    /**
     * Takes a backup now, audited as {@code actor}; returns the files written.
     *
     * @throws BackupFailed when the database could not be written (the checklists were)
     */
    public synchronized List<BackupFile> takeNow(String actor) {
        try {
            Files.createDirectories(folder());
            String stamp = STAMP.format(clock.instant());
            List<BackupFile> written = new ArrayList<>();
            String databaseFailure = null;
            try {
                written.add(write(
                        BackupFile.DATABASE, DATABASE_PREFIX + stamp, database.extension(), actor, database::write));
            } catch (IOException e) {
                databaseFailure = failed(actor, DATABASE_PREFIX + stamp + database.extension(), e);
            }
            BackupFile checklists = write(
                    BackupFile.CHECKLISTS,
                    CHECKLISTS_PREFIX + stamp,
                    ZIP,
                    actor,
                    temp -> ChecklistArchive.write(checklistFolder, temp));
            written.add(checklists);
            prune(DATABASE_PREFIX, database.extension(), actor);
            prune(CHECKLISTS_PREFIX, ZIP, actor);
            if (databaseFailure != null) {
                throw new BackupFailed(databaseFailure + "; the checklists were backed up to " + checklists.file());
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write a backup to " + folder().toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(Path temp) throws IOException, SQLException;
    }

    private BackupFile write(String kind, String name, String extension, String actor, Writer writer)
            throws IOException {
        Path temp = Files.createTempFile(folder(), "." + name + "-", ".tmp");
        long size;
        String sha256;
        Path target;
        try {
            writer.write(temp);
            size = Files.size(temp);
            sha256 = sha256(temp);
            target = publish(temp, name, extension);
        } catch (SQLException e) {
            throw new IOException("the database refused the backup: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
        BackupFile file = new BackupFile(kind, target.getFileName().toString(), target.toString(), size, sha256);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind);
        detail.put("size", size);
        detail.put("sha256", sha256);
        audit.append(actor, "backup.created", file.file(), detail);
        LOG.infof("backup written kind=%s file=%s size=%d sha256=%s", kind, target, size, sha256);
        return file;
    }

    /**
     * Gives the written file its final name, {@code name + extension}, or with a counter when that is taken (a second
     * backup within the same second, here or by another instance). A hard link, unlike a rename, never replaces a
     * file that another instance put there meanwhile, whose SHA-256 is in the audit log.
     */
    private Path publish(Path temp, String name, String extension) throws IOException {
        for (int n = 1; ; n++) {
            Path target = folder().resolve(n == 1 ? name + extension : name + "-" + n + extension);
            try {
                return Files.createLink(target, temp);
            } catch (FileAlreadyExistsException taken) {
                // the next counter
            } catch (UnsupportedOperationException e) {
                throw new IOException("the backup folder does not support hard links: " + e.getMessage(), e);
            }
        }
    }

    /** Logs and audits the database part's failure; returns what to tell whoever asked. */
    private String failed(String actor, String file, IOException e) {
        String message = "the database was not backed up: " + e.getMessage();
        audit.append(actor, "backup.failed", file, Map.of("kind", BackupFile.DATABASE, "error", message));
        LOG.errorf("backup failed kind=database folder=%s: %s", folder().toAbsolutePath(), message);
        return message;
    }

    private void prune(String prefix, String extension, String actor) throws IOException {
        List<Path> backups = backups(prefix, extension);
        if (backups.size() <= config.keep()) return;
        List<String> deleted = new ArrayList<>();
        for (Path old : backups.subList(config.keep(), backups.size())) {
            // another instance pruning the same folder may have deleted it first
            if (Files.deleteIfExists(old)) deleted.add(old.getFileName().toString());
        }
        if (deleted.isEmpty()) return;
        audit.append(actor, "backup.pruned", prefix + "*", Map.of("deleted", deleted, "keep", config.keep()));
    }

    /** The backups of one kind, newest first. */
    private List<Path> backups(String prefix, String extension) throws IOException {
        if (!Files.isDirectory(folder())) return List.of();
        Map<Path, FileTime> modified = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(), prefix + "*" + extension)) {
            for (Path file : files) {
                try {
                    modified.put(file, Files.getLastModifiedTime(file));
                } catch (NoSuchFileException prunedMeanwhile) {
                    // by another instance
                }
            }
        }
        return modified.keySet().stream()
                .sorted(Comparator.<Path, FileTime>comparing(modified::get)
                        .thenComparing(Path::toString)
                        .reversed())
                .toList();
    }

    private boolean anyBackup(String prefix, String extension) {
        try {
            return !backups(prefix, extension).isEmpty();
        } catch (IOException e) {
            return false;
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
