package dev.rounds.checklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes sizes in bytes as checklists spell them: {@code 512MiB} (IEC, 1024) or {@code 1GB} (SI, 1000). */
public final class Sizes {

    private static final Map<String, Long> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("PiB", 1L << 50);
        UNITS.put("TiB", 1L << 40);
        UNITS.put("GiB", 1L << 30);
        UNITS.put("MiB", 1L << 20);
        UNITS.put("KiB", 1L << 10);
        UNITS.put("PB", 1_000_000_000_000_000L);
        UNITS.put("TB", 1_000_000_000_000L);
        UNITS.put("GB", 1_000_000_000L);
        UNITS.put("MB", 1_000_000L);
        UNITS.put("KB", 1_000L);
        UNITS.put("kB", 1_000L);
        UNITS.put("B", 1L);
    }

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(" + String.join("|", UNITS.keySet()) + ")");

    private Sizes() {}

    /** Parses a size to bytes, or returns empty if the text is not one. */
    public static Optional<Long> tryParse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return Optional.empty();
        try {
            BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(m.group(2))));
            return Optional.of(bytes.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * Parses the value of a setting.
     *
     * @throws IllegalArgumentException naming the setting and the expected form when the text is not a size
     */
    public static long parse(String key, String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + key + "' must be a size like 512MiB or 10MB, got " + Problem.quote(text)
                                + (text != null && text.matches("\\d+")
                                        ? " (add a unit: B, KB, MB, GB, KiB, MiB or GiB)"
                                        : "")));
    }

    /** Writes bytes exactly: in the largest IEC unit that divides them ({@code 512MiB}), else in bytes. */
    public static String format(long bytes) {
        if (bytes != 0) {
            for (Map.Entry<String, Long> unit : UNITS.entrySet()) {
                if (unit.getKey().endsWith("iB") && bytes % unit.getValue() == 0) {
                    return bytes / unit.getValue() + unit.getKey();
                }
            }
        }
        return bytes + "B";
    }
}
