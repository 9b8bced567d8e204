package dev.rounds.backupcheck;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Whether a database dump was written to its end. A zip archive (a Rounds or H2 backup) is complete when it opens
 * and every entry reads back with a matching checksum; a plain or gzip-compressed SQL dump when its text ends with
 * its tool's completion marker: pg_dump's {@code -- PostgreSQL database dump complete}, mysqldump's and
 * mariadb-dump's {@code -- Dump completed}. Blocks, and reads a compressed dump whole: call it off the event loop.
 */
final class DumpCompleteness {

    static final List<String> MARKERS = List.of("-- PostgreSQL database dump complete", "-- Dump completed");
    /** The markers are in the last lines; this much of the end is searched. */
    static final int TAIL_BYTES = 4096;

    /** The verdict and, when incomplete, why. */
    record Verdict(boolean complete, String why) {}

    private DumpCompleteness() {}

    /** @param deadline {@link System#nanoTime()} after which reading stops with an {@link InterruptedIOException} */
    static Verdict of(Path file, long deadline) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) return zip(file, deadline);
        byte[] tail = name.endsWith(".gz") ? gzipTail(file, deadline) : tail(file);
        if (tail == null) return new Verdict(false, "the gzip stream of " + file + " is cut short");
        String text = new String(tail, StandardCharsets.UTF_8);
        for (String marker : MARKERS) {
            if (text.contains(marker)) return new Verdict(true, null);
        }
        return new Verdict(
                false,
                file + " does not end with a dump tool's completion marker (\"" + MARKERS.get(0) + "\" or \""
                        + MARKERS.get(1) + "\"): the dump was cut short or is not a plain SQL dump");
    }

    private static Verdict zip(Path file, long deadline) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            if (!entries.hasMoreElements()) return new Verdict(false, "zip archive " + file + " is empty");
            byte[] buffer = new byte[65536];
            while (entries.hasMoreElements()) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    while (in.read(buffer) >= 0) checkDeadline(deadline, file);
                }
            }
            return new Verdict(true, null);
        } catch (ZipException | EOFException e) {
            return new Verdict(false, "zip archive " + file + " is damaged or cut short: " + e.getMessage());
        }
    }

    private static byte[] gzipTail(Path file, long deadline) throws IOException {
        byte[] ring = new byte[TAIL_BYTES];
        long total = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) ring[(int) (total++ % TAIL_BYTES)] = buffer[i];
                checkDeadline(deadline, file);
            }
        } catch (EOFException | ZipException cutShort) {
            return null;
        }
        int length = (int) Math.min(total, TAIL_BYTES);
        byte[] tail = new byte[length];
        for (int i = 0; i < length; i++) tail[i] = ring[(int) ((total - length + i) % TAIL_BYTES)];
        return tail;
    }

    private static byte[] tail(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, TAIL_BYTES));
            channel.position(size - tail.capacity());
            int read = 0;
            while (tail.hasRemaining() && read >= 0) read = channel.read(tail);
            return tail.array();
        }
    }

    private static void checkDeadline(long deadline, Path file) throws InterruptedIOException {
        if (System.nanoTime() - deadline > 0) {
            throw new InterruptedIOException("reading " + file + " took longer than the probe's timeout");
        }
    }
}
