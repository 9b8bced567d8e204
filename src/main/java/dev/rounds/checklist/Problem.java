package dev.rounds.checklist;

import dev.rounds.text.SuppliedText;

/**
 * One thing wrong with a checklist folder, located as precisely as the YAML allows.
 *
 * <p>A problem goes to a response, a log line and a permanent audit entry, so what it quotes of a file is bounded:
 * a value is quoted up to {@link #MAX_QUOTE} characters, and the message as a whole is one line of at most
 * {@link #MAX_MESSAGE} characters, ending with an ellipsis where it was cut.
 */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {

    /** The most characters of a file's text a problem quotes. */
    public static final int MAX_QUOTE = 200;

    /** The most characters of a problem's message. */
    public static final int MAX_MESSAGE = 500;

    public Problem {
        file = SuppliedText.bounded(file, MAX_QUOTE);
        message = SuppliedText.bounded(message, MAX_MESSAGE);
    }

    /** A value from a file as a message quotes it: in single quotes, cut to {@link #MAX_QUOTE} characters. */
    public static String quote(String value) {
        return "'" + SuppliedText.bounded(value, MAX_QUOTE) + "'";
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) return byFile;
        if (line != other.line) return Integer.compare(line, other.line);
        return Integer.compare(column, other.column);
    }
}
