package dev.rounds.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Reads a fetched feed in the format its probe names, or, for {@code auto}, the one its first byte shows. */
final class FeedParser {

    private FeedParser() {}

    static FeedDocument parse(InputStream body, FeedFormat format) throws FeedRefused {
        try (PushbackInputStream in = new PushbackInputStream(body, 3)) {
            int first = firstSignificant(in);
            if (first == '<') return XmlFeedReader.read(in, format);
            if (first == '{') return JsonFeedReader.read(in, format);
            throw new FeedRefused(
                    first < 0
                            ? "the document is empty"
                            : "the document is neither XML nor JSON (it starts with '" + (char) first + "')");
        } catch (IOException unreadable) {
            throw new FeedRefused("cannot read the document: " + unreadable.getMessage());
        }
    }

    /** The first byte after a UTF-8 byte order mark and white space, pushed back; -1 for an empty document. */
    private static int firstSignificant(PushbackInputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF) {
            int b2 = in.read();
            int b3 = in.read();
            if (b2 != 0xBB || b3 != 0xBF) {
                in.unread(new byte[] {(byte) b, (byte) b2, (byte) b3});
                return b;
            }
            b = in.read();
        }
        while (b == ' ' || b == '\t' || b == '\r' || b == '\n') b = in.read();
        if (b >= 0) in.unread(b);
        return b;
    }
}
