package dev.rounds.text;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/**
 * The one rule for text that a person or a feed supplies, and the one way text is made safe to send.
 *
 * <p>Text may hold any Unicode character except: a lone surrogate (a UTF-16 half that no encoder can write, which
 * once cut {@code /api/audit} pages off mid-string), NUL and the other C0 and C1 control characters, a carriage
 * return that is not followed by a line feed, and the non-characters U+FFFE and U+FFFF (not allowed in XML, which
 * the PDF reports are rendered from). Tab and line feed are allowed, and so is CR LF, which browsers send for
 * every line break of a textarea; the text is kept as sent. Format characters (right-to-left marks, zero width
 * joiners in emoji) are ordinary text.
 *
 * <p>A person's text that breaks the rule is refused ({@link #require}, {@code 400} naming the field); machine
 * input (feed items, probe messages, plug-in output, HTTP bodies quoted in messages) has each such character
 * replaced by U+FFFD ({@link #clean}). Readers put every stored text through {@link #wellFormed} when they
 * serialise it, so text stored before the rule existed still reaches the client.
 *
 * <p>This class imports no feature package: every feature may depend on it.
 */
public final class SuppliedText {

    /** What takes the place of a character the rule does not allow. */
    public static final char REPLACEMENT = '\uFFFD';

    /** The ellipsis that ends a text {@link #bounded} had to shorten. */
    public static final String ELLIPSIS = "\u2026";

    private SuppliedText() {}

    /**
     * Refuses a person's text that breaks the rule; {@code null} passes (required-ness is the caller's rule).
     *
     * @param field the name the client used for the text, e.g. {@code note}
     * @throws RoundsException {@code 400} naming the field, the character and its position
     */
    public static void require(String field, String text) {
        int at = firstRefused(text);
        if (at < 0) {
            return;
        }
        throw new RoundsException(
                400,
                ProblemTitle.TEXT_NOT_ALLOWED,
                "'" + field + "' has "
                        + describe(text, at) + " at character " + (at + 1) + ": remove it. Text may hold any Unicode"
                        + " character except control characters other than tab, line feed and CR LF, lone UTF-16"
                        + " surrogates, U+FFFE and U+FFFF");
    }

    /** Whether the text keeps the rule; {@code null} does. */
    public static boolean isAllowed(String text) {
        return firstRefused(text) < 0;
    }

    /**
     * Machine input as it is stored: every character the rule does not allow replaced by U+FFFD, a surrogate pair
     * kept whole. Returns the same instance when nothing needed replacing; {@code null} stays {@code null}.
     */
    public static String clean(String text) {
        int at = firstRefused(text);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, at);
        int i = at;
        while (i < text.length()) {
            int width = refusedWidth(text, i);
            if (width > 0) {
                out.append(REPLACEMENT);
                i += width;
            } else {
                int cp = text.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /**
     * Stored text as it is sent: each lone surrogate replaced by U+FFFD, everything else untouched, so that any
     * encoder can write it and valid text goes out exactly as stored. Returns the same instance when the text has
     * no lone surrogate; {@code null} stays {@code null}.
     */
    public static String wellFormed(String text) {
        int at = firstLoneSurrogate(text);
        if (at < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = at; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }

    /** The index of the first lone surrogate, or -1 when there is none (or the text is {@code null}). */
    public static int firstLoneSurrogate(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A text to quote in a message: at most {@code maxChars} characters, cut at a code point boundary and ended
     * with an ellipsis when shortened, made well-formed and with control characters (line breaks too) shown as
     * U+FFFD, so a quote is one line however long or strange the text is.
     */
    public static String bounded(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String quoted = cut(text, maxChars);
        StringBuilder out = null;
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\t' || !Character.isISOControl(c)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(quoted);
            }
            out.setCharAt(i, REPLACEMENT);
        }
        return wellFormed(out == null ? quoted : out.toString());
    }

    /**
     * A text to store in a column of {@code maxChars} characters: the text itself if it fits, else as much of it as
     * fits with an ellipsis, cut at a code point boundary, so that a longer title or body is shortened, not refused.
     */
    public static String cut(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Math.max(0, maxChars - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    private static int firstRefused(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (refusedWidth(text, i) > 0) {
                return i;
            }
            if (Character.isHighSurrogate(text.charAt(i))) {
                i++; // a pair: refusedWidth said it is whole
            }
        }
        return -1;
    }

    /** How many chars at {@code i} the rule refuses as one character: 0 when the character there is allowed. */
    private static int refusedWidth(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 0 : 1;
        }
        if (Character.isLowSurrogate(c)) {
            return 1;
        }
        if (c == '\t' || c == '\n') {
            return 0;
        }
        if (c == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 0 : 1;
        }
        if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
            return 1;
        }
        return 0;
    }

    private static String describe(String text, int at) {
        char c = text.charAt(at);
        String code = String.format("U+%04X", (int) c);
        if (Character.isSurrogate(c)) {
            return "a lone UTF-16 surrogate (" + code + ")";
        }
        if (c == 0) {
            return "a NUL character (U+0000)";
        }
        if (c == '\r') {
            return "a carriage return without a line feed (U+000D)";
        }
        if (Character.isISOControl(c)) {
            return "a control character (" + code + ")";
        }
        return "the non-character " + code;
    }
}
