package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-pass canonical form of result rows against {@link CanonicalJson#of}, byte for byte. */
class CanonicalRowsTest {

    static Stream<Object> values() {
        var values = new ArrayList<Object>(Arrays.asList(
                null,
                true,
                false,
                "",
                "plain",
                "quote \" and \\ backslash",
                "slash / stays",
                "\b\f\n\r\t",
                "\u0000\u0001\u001f\u007f",
                "é ü ß 中文 日本語",
                "emoji 😀 and 𝄞",
                "lone \ud800 high",
                "lone \udc00 low",
                "\u2028\u2029",
                "<script>&'</script>",
                0,
                1,
                -1,
                42,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                (short) 7,
                (byte) -8,
                0L,
                9_007_199_254_740_992L,
                9_007_199_254_740_993L,
                -9_007_199_254_740_993L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                1_000_000_000_000_000_000L,
                0.0,
                -0.0,
                0.1,
                0.2 + 0.1,
                1.0,
                -1.5,
                0.8125,
                1e21,
                1e20,
                123456789012345680000.0,
                1e-6,
                1e-7,
                5e-324,
                Double.MAX_VALUE,
                Double.MIN_NORMAL,
                1.0 / 3,
                100.0,
                2.5e-3,
                -123.456e10,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                0.1f,
                1e10f,
                -0.0f,
                3.4028235e38f,
                Float.NaN,
                new BigDecimal("1E+3"),
                new BigDecimal("0.10"),
                new BigDecimal("12345678901234567890.123"),
                new BigInteger("123456789012345678901234567890"),
                List.of(),
                List.of(1, "two", 3.0),
                Map.of(),
                Map.of("b", 1, "a", List.of(Map.of("z", 0.5, "y", "x")))));
        var keys = new LinkedHashMap<String, Object>();
        keys.put("é", 1);
        keys.put("e", 2);
        keys.put("\u20ac", 3);
        keys.put("😀", 4);
        keys.put("\uffff", 5);
        keys.put("A", 6);
        keys.put("", 7);
        keys.put("a\"b", 8);
        values.add(keys);
        return values.stream();
    }

    @ParameterizedTest
    @MethodSource("values")
    void rowHoldingTheValueIsCanonicalByteForByte(Object value) {
        var values = new LinkedHashMap<String, Object>();
        values.put("value", value);
        Map<String, Object> row = ResultDigest.row(
                10_001,
                "daily/services-up#0@host01",
                java.time.Instant.parse("2026-11-26T08:19:19.123456Z"),
                812L,
                "up",
                values,
                List.of(Map.of("text", "value (" + value + ") == 1", "holds", false)),
                "message " + value);

        assertEquals(CanonicalJson.of(row), CanonicalRows.of(row));
    }

    @Test
    void randomRowsAreCanonicalByteForByte() {
        var random = new Random(8785);
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> row = map(random, 0);

            assertEquals(CanonicalJson.of(row), CanonicalRows.of(row), () -> "row " + row);
        }
    }

    private static Map<String, Object> map(Random random, int depth) {
        var map = new LinkedHashMap<String, Object>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) map.put(text(random), value(random, depth));
        return map;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 9 : 7)) {
            case 0 -> text(random);
            case 1 -> random.nextLong() >> random.nextInt(64);
            case 2 -> random.nextInt();
            case 3 -> Double.longBitsToDouble(random.nextLong());
            case 4 -> (random.nextInt(2_000_000) - 1_000_000) / Math.pow(10, random.nextInt(12));
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> map(random, depth + 1);
            default -> {
                var list = new ArrayList<Object>();
                for (int i = random.nextInt(4); i > 0; i--) list.add(value(random, depth + 1));
                yield list;
            }
        };
    }

    /** Characters from every range that escapes or sorts differently: controls, ASCII, Latin, CJK, surrogates. */
    private static String text(Random random) {
        var text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(
                    switch (random.nextInt(5)) {
                        case 0 -> (char) random.nextInt(0x20);
                        case 1 -> (char) (0x20 + random.nextInt(0x60));
                        case 2 -> (char) (0x80 + random.nextInt(0x700));
                        case 3 -> (char) (0xd800 + random.nextInt(0x800));
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return text.toString();
    }
}
