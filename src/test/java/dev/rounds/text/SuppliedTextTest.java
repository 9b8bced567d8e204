package dev.rounds.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one text rule: what is refused, what machine input becomes, what readers send. */
class SuppliedTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "tab\there",
                "two\nlines",
                "browser\r\nlines",
                "emoji \uD83D\uDE00 and \uD834\uDD1E",
                "right-to-left \u202Emark",
                "e\u0301 combining",
                "zero\u200Dwidth",
                "\uFFFD already replaced",
                ""
            })
    void allowedTextPassesAndIsKeptAsSent(String text) {
        SuppliedText.require("note", text);
        assertSame(text, SuppliedText.clean(text));
        assertSame(text, SuppliedText.wellFormed(text));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("lone \uD800 surrogate", "a lone UTF-16 surrogate (U+D800) at character 6"),
                arguments("\uDC00 low first", "a lone UTF-16 surrogate (U+DC00) at character 1"),
                arguments("ends high \uD83D", "a lone UTF-16 surrogate (U+D83D) at character 11"),
                arguments("nul \u0000 here", "a NUL character (U+0000) at character 5"),
                arguments("bell \u0007 rings", "a control character (U+0007) at character 6"),
                arguments("c1 \u0085 next line", "a control character (U+0085) at character 4"),
                arguments("lone \r return", "a carriage return without a line feed (U+000D) at character 6"),
                arguments("ends with CR\r", "a carriage return without a line feed (U+000D) at character 13"),
                arguments("escape \u001B[31m", "a control character (U+001B) at character 8"),
                arguments("nonchar \uFFFF", "the non-character U+FFFF at character 9"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusedTextIsA400NamingTheFieldTheCharacterAndWhere(String text, String expected) {
        RoundsException e = assertThrows(RoundsException.class, () -> SuppliedText.require("note", text));
        assertEquals(400, e.status());
        assertEquals(ProblemTitle.TEXT_NOT_ALLOWED, e.title());
        assertTrue(e.getMessage().startsWith("'note' has " + expected + ": remove it."), e.getMessage());
    }

    @Test
    void machineInputGetsAReplacementCharacterForEachRefusedCharacter() {
        assertEquals(
                "a\uFFFDb\uFFFDc\uFFFD\r\n\uD83D\uDE00\uFFFD",
                SuppliedText.clean("a\u0000b\uD800c\r\r\n\uD83D\uDE00\uDC00"));
        assertEquals(null, SuppliedText.clean(null));
    }

    @Test
    void readersSendLoneSurrogatesAsReplacementCharactersAndNothingElseChanges() {
        String stored = "lone \uD800 surrogate, nul \u0000, pair \uD83D\uDE00, reversed \uDE00\uD83D";
        String sent = SuppliedText.wellFormed(stored);
        assertEquals("lone \uFFFD surrogate, nul \u0000, pair \uD83D\uDE00, reversed \uFFFD\uFFFD", sent);
        // what every encoder can write: UTF-8 round trip is exact
        assertEquals(sent, new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void aQuoteIsOneBoundedLineCutAtACodePoint() {
        String huge = "x".repeat(199) + "\uD83D\uDE00" + "y".repeat(1_000_000);
        String quote = SuppliedText.bounded(huge, 200);
        assertEquals("x".repeat(199) + SuppliedText.ELLIPSIS, quote, "the pair is not cut in half");
        assertEquals("root:x:0:0\uFFFDdaemon", SuppliedText.bounded("root:x:0:0\ndaemon", 200));
        assertEquals("short", SuppliedText.bounded("short", 200));
    }
}
