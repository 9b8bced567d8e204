package dev.rounds.probe.type;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written to it of which it keeps either the first or the last {@code limit}, and says whether it dropped any:
 * a child process's output up to the read cap, or the tail of its error output where the last line says what failed.
 */
final class KeptBytes {

    private final long limit;
    private final boolean last;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean dropped;

    private KeptBytes(long limit, boolean last) {
        this.limit = limit;
        this.last = last;
    }

    static KeptBytes first(long limit) {
        return new KeptBytes(limit, false);
    }

    static KeptBytes last(int limit) {
        return new KeptBytes(limit, true);
    }

    void write(byte[] bytes, int length) {
        if (!last) {
            int room = (int) Math.min(length, limit - kept.size());
            if (room > 0) kept.write(bytes, 0, room);
            dropped |= room < length;
            return;
        }
        kept.write(bytes, 0, length);
        // Trimmed only once it holds twice the limit, so that a long stream is copied a few times, not per write.
        if (kept.size() > 2 * limit) keepTail();
    }

    boolean dropped() {
        return dropped || last && kept.size() > limit;
    }

    String text() {
        if (last) keepTail();
        return kept.toString(StandardCharsets.UTF_8);
    }

    private void keepTail() {
        if (kept.size() <= limit) return;
        byte[] all = kept.toByteArray();
        kept.reset();
        kept.write(all, all.length - (int) limit, (int) limit);
        dropped = true;
    }
}
