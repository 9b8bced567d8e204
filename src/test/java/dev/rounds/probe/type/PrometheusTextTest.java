package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.type.PrometheusText.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Prometheus text format as node_exporter writes it, and the mistakes a page can hold. */
class PrometheusTextTest {

    @Test
    void readsEverySampleOfARealNodeExporterPage() throws IOException {
        String page = Files.readString(Path.of("/work/shared/fixtures/node-exporter-metrics.txt"));
        long sampleLines = page.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .count();

        List<Sample> samples = PrometheusText.parse(page);

        assertEquals(sampleLines, samples.size());
        assertTrue(samples.contains(new Sample(
                "node_filesystem_size_bytes",
                Map.of("device", "/dev/vda", "fstype", "ext4", "mountpoint", "/"),
                2.70553174016e+11)));
        assertTrue(samples.contains(new Sample("go_goroutines", Map.of(), 7)));
    }

    @Test
    void readsEscapesSpecialValuesAndTimestamps() {
        List<Sample> samples = PrometheusText.parse("""
                # HELP x a help line with {braces}
                a{path="C:\\\\dir",quote="say \\"hi\\"",nl="1\\n2"} 1.5 1700000000000
                b +Inf
                c{} NaN
                   \r
                d{le="0.5",} -2e-3
                """);

        assertEquals(
                Map.of("path", "C:\\dir", "quote", "say \"hi\"", "nl", "1\n2"),
                samples.get(0).labels());
        assertEquals(1.5, samples.get(0).value());
        assertEquals(Double.POSITIVE_INFINITY, samples.get(1).value());
        assertTrue(Double.isNaN(samples.get(2).value()));
        assertEquals(new Sample("d", Map.of("le", "0.5"), -0.002), samples.get(3));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "up 1\\nup|line 2: expected a space and a value after 'up': up",
                "ok 1\\n\\nup one|line 3: 'one' is not a number: up one",
                "up 3d|line 1: '3d' is not a number: up 3d",
                "up{job=\"x\" 1|line 1: expected ',' or '}' at column 12: up{job=\"x\" 1",
                "up{job=x} 1|line 1: expected '\"' at column 8: up{job=x} 1",
                "{job=\"x\"} 1|line 1: expected a metric name at column 1: {job=\"x\"} 1",
                "up 1 2 3|line 1: expected a value and at most a timestamp after the name, got '1 2 3': up 1 2 3",
            })
    void malformedLinesAreRefusedWithTheirLineNumber(String page, String message) {
        var refused =
                assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(page.replace("\\n", "\n")));

        assertEquals(message, refused.getMessage());
    }
}
