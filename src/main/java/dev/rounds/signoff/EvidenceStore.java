package dev.rounds.signoff;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Keeps evidence files on disk by content: {@code <dir>/<first two hex digits>/<sha256>}. A file is written under a
 * temporary name in the same folder and moved into place, so a file with its final name is always whole; the same
 * content uploaded twice is stored once.
 */
@ApplicationScoped
public class EvidenceStore {

    @Inject
    EvidenceConfig config;

    /** What was stored: the content's SHA-256 (lowercase hex) and its size. */
    public record Stored(String sha256, long size) {}

    /** Copies an upload into the store and returns its SHA-256, computed from the bytes actually written. */
    public Stored store(Path upload) {
        Path dir = Path.of(config.dir());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "upload-", ".tmp");
            try {
                MessageDigest sha256 = Sha256.newDigest();
                long size;
                try (InputStream in = Files.newInputStream(upload);
                        OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                    size = in.transferTo(out);
                }
                String hex = Sha256.hex(sha256);
                Path target = pathOf(hex);
                Files.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Stored(hex, size);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot store evidence in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The content of a stored evidence file, read once and checked against its SHA-256, so that what is served is
     * exactly what was checked.
     */
    public byte[] read(Evidence evidence) {
        Path file = pathOf(evidence.sha256);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EvidenceRefused(
                    500,
                    ProblemTitle.EVIDENCE_FILE_MISSING,
                    "evidence " + evidence.id + " ('"
                            + evidence.fileName + "') is not in " + file.toAbsolutePath()
                            + "; restore it from a backup of the evidence folder");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence " + evidence.id + " from " + file.toAbsolutePath(), e);
        }
        String actual = Sha256.hex(content);
        if (!actual.equals(evidence.sha256)) {
            throw new EvidenceRefused(
                    500,
                    ProblemTitle.EVIDENCE_FILE_DAMAGED,
                    "evidence " + evidence.id + " ('"
                            + evidence.fileName + "') at " + file.toAbsolutePath() + " has SHA-256 " + actual + ", but "
                            + evidence.sha256
                            + " was recorded at upload: the file was changed after upload and is not served; restore it from a backup");
        }
        return content;
    }

    /** Where content with this SHA-256 is kept; the name comes only from the hash, never from the client. */
    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + sha256);
        }
        return Path.of(config.dir(), sha256.substring(0, 2), sha256);
    }
}
