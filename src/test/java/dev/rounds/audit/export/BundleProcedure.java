package dev.rounds.audit.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The offline verification procedure of docs/auditor.md "Verifying an export bundle offline": the script docs/verify-bundle.sh
 * that auditors are given, run with /bin/bash.
 */
public final class BundleProcedure {

    /** The script as it is in the repository, given to auditors. */
    static final Path SCRIPT = Path.of("docs/verify-bundle.sh");

    /** What a run printed and how it ended. */
    public record Outcome(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final Path script;

    public BundleProcedure() {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new AssertionError(SCRIPT.toAbsolutePath() + " is missing");
        }
        script = SCRIPT;
    }

    /**
     * Runs the procedure on a bundle (zip or folder), with {@code awk} taken from {@code awkFolder} and the signature
     * checked with {@code publicKey}, each if given.
     */
    Outcome run(Path bundle, Path awkFolder, Path publicKey) throws IOException, InterruptedException {
        ProcessBuilder builder = publicKey == null
                ? new ProcessBuilder("/bin/bash", script.toString(), bundle.toString())
                : new ProcessBuilder("/bin/bash", script.toString(), bundle.toString(), publicKey.toString());
        if (awkFolder != null) {
            builder.environment().put("PATH", awkFolder + ":" + System.getenv("PATH"));
        }
        Path out = Files.createTempFile("procedure", ".out");
        Path err = Files.createTempFile("procedure", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the procedure ran for more than 60 s on " + bundle);
        }
        Outcome outcome = new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return outcome;
    }

    public Outcome run(Path bundle) throws IOException, InterruptedException {
        return run(bundle, null, null);
    }

    /** Unzips a bundle into a new folder and returns the entry names in zip order. */
    public static List<String> unzip(InputStream zip, Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        Files.createDirectories(folder);
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
                Files.copy(entries, folder.resolve(entry.getName()));
            }
        }
        return names;
    }

    /** A copy of a bundle folder, to tamper with. */
    public static Path copy(Path folder, Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    public static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
