package dev.rounds.audit.export;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Watches the bytes of {@code audit.jsonl} as they are written and keeps what the manifest says about the slice:
 * its count, first seq and prev_hash, last seq and hash. Taken from the written lines themselves, so the manifest
 * describes exactly the file, even while entries are being appended.
 */
final class ChainSlice extends OutputStream {

    /** {@code ,"prev_hash":"<64 hex>","hash":"<64 hex>"}}: the fixed-length end of every line. */
    private static final int TAIL = 14 + 64 + 10 + 64 + 2;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private long entries;
    private long firstSeq;
    private String firstPrevHash;
    private String lastLine;

    @Override
    public void write(int b) {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (entries == 0) {
            firstSeq = seq(text);
            firstPrevHash = prevHash(text);
        }
        entries++;
        lastLine = text;
        line.reset();
    }

    long entries() {
        return entries;
    }

    Long firstSeq() {
        return entries == 0 ? null : firstSeq;
    }

    String firstPrevHash() {
        return firstPrevHash;
    }

    Long lastSeq() {
        return entries == 0 ? null : seq(lastLine);
    }

    String lastHash() {
        return entries == 0 ? null : lastLine.substring(lastLine.length() - 66, lastLine.length() - 2);
    }

    private static long seq(String line) {
        return Long.parseLong(line.substring("{\"seq\":".length(), line.indexOf(',')));
    }

    private static String prevHash(String line) {
        int start = line.length() - TAIL + 14;
        return line.substring(start, start + 64);
    }
}
