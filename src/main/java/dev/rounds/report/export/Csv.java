package dev.rounds.report.export;

import dev.rounds.text.SuppliedText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV in UTF-8 with a header row; {@code null} is an empty field, instants are ISO-8601 UTC. */
public final class Csv {

    private Csv() {}

    public static <T> void write(OutputStream out, String[] header, List<T> rows, Function<T, Object[]> fields) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            CSVPrinter printer =
                    CSVFormat.RFC4180.builder().setHeader(header).get().print(writer);
            for (T row : rows) printer.printRecord(wellFormed(fields.apply(row)));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV could not be written: " + e.getMessage(), e);
        }
    }

    /** Text stored before the text rule may hold lone surrogates: they go out as U+FFFD. */
    private static Object[] wellFormed(Object[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] instanceof String text) fields[i] = SuppliedText.wellFormed(text);
        }
        return fields;
    }
}
