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

    /** How a file's content is written, for {@link #of}. */
    @FunctionalInterface
    interface Content {
        void write(Interval range, OutputStream out) throws IOException;
    }

    /** A bundle file named {@code name} whose content {@code content} writes, for a CDI producer method. */
    static BundleFile of(String name, Content content) {
        return new BundleFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void write(Interval range, OutputStream out) throws IOException {
                content.write(range, out);
            }
        };
    }
}
