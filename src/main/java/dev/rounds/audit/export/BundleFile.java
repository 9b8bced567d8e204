package dev.rounds.audit.export;

import dev.rounds.core.Interval;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One data file of the auditor's export bundle: every CDI bean implementing this is written into the bundle, in
 * order of {@link #name()}, each listed with its size and SHA-256 in {@code manifest.json}.
 */
public interface BundleFile {

    /** The file's name in the bundle: lowercase letters, digits, {@code .}, {@code _} and {@code -}. */
    String name();

    /** Writes the file's content for {@code range}; must not close {@code out}. */
    void write(Interval range, OutputStream out) throws IOException;
}
