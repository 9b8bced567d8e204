package dev.rounds.audit.export;

import dev.rounds.core.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Where one bundle file is written: passes the bytes on to the zip (and to an optional watcher), counting them and
 * hashing them with SHA-256. Closing it leaves the zip open for the next file.
 */
final class CountingDigestSink extends OutputStream {

    private final OutputStream zip;
    private final OutputStream watcher;
    private final MessageDigest sha256;
    private long bytes;

    CountingDigestSink(OutputStream zip, OutputStream watcher) {
        this.zip = zip;
        this.watcher = watcher;
        this.sha256 = Sha256.newDigest();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        zip.write(data, offset, length);
        sha256.update(data, offset, length);
        if (watcher != null) {
            watcher.write(data, offset, length);
        }
        bytes += length;
    }

    @Override
    public void close() {
        // The zip stays open: the bundle writer closes the entry and goes on to the next file.
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return Sha256.hex(sha256);
    }
}
