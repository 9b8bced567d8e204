package dev.rounds.backupcheck;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backup files a {@code path} setting names: one file, the regular files directly inside a folder, or the files
 * a glob such as {@code /var/backups/db-*.sql.gz} matches ({@code **} crosses folders). Relative paths are taken
 * from Rounds' working folder. Blocks: call it off the event loop.
 *
 * @param files the matches, newest (by modification time) first
 * @param miss why nothing matched, when nothing did
 * @param nowhere whether the file or the folder to look in does not exist at all
 */
record BackupFiles(List<Found> files, String miss, boolean nowhere) {

    /** One matching file. */
    record Found(Path path, Instant modified, long size) {}

    Optional<Found> newest() {
        return files.stream().findFirst();
    }

    long totalSize() {
        return files.stream().mapToLong(Found::size).sum();
    }

    static BackupFiles of(String pattern) throws IOException {
        int meta = firstGlobCharacter(pattern);
        if (meta < 0) {
            Path path = Path.of(pattern);
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    return found(children, "folder " + pattern + " holds no files");
                }
            }
            return Files.isRegularFile(path)
                    ? found(Stream.of(path), null)
                    : new BackupFiles(List.of(), "file " + pattern + " does not exist", true);
        }
        int slash = pattern.lastIndexOf('/', meta);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : pattern.substring(0, slash));
        String rest = pattern.substring(slash + 1);
        if (!Files.isDirectory(base)) {
            return new BackupFiles(
                    List.of(), "no file matches " + pattern + ": folder " + base + " does not exist", true);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**")
                ? Integer.MAX_VALUE
                : (int) rest.chars().filter(c -> c == '/').count() + 1;
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return found(walk.filter(p -> matcher.matches(base.relativize(p))), "no file matches " + pattern);
        }
    }

    private static BackupFiles found(Stream<Path> candidates, String miss) throws IOException {
        List<Found> files = new ArrayList<>();
        for (Path path : (Iterable<Path>) candidates::iterator) {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                files.add(new Found(path, attributes.lastModifiedTime().toInstant(), attributes.size()));
            }
        }
        files.sort(Comparator.comparing(Found::modified).reversed());
        return new BackupFiles(List.copyOf(files), files.isEmpty() ? miss : null, false);
    }

    private static int firstGlobCharacter(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
