package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.type.PrometheusText.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selectors, aggregations and quotients of the metrics probe's values. */
class MetricFormulaTest {

    private static final List<Sample> PAGE = PrometheusText.parse("""
            fs_avail{mount="/",fs="ext4"} 25
            fs_size{mount="/",fs="ext4"} 100
            fs_avail{mount="/boot",fs="vfat"} 5
            fs_size{mount="/boot",fs="vfat"} 10
            errs{device="lo"} 100
            errs{device="eth0"} 3
            errs{device="eth1"} 4
            """);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fs_avail{mount=\"/\"}|25",
                "fs_avail|30",
                "max(fs_avail)|25",
                "min(fs_avail)|5",
                "avg(fs_size)|55",
                "count(errs{device!=\"lo\"})|2",
                "errs{device=~\"eth.*\"}|7",
                "errs{device!~\"eth[0-9]\"}|100",
                "errs{device=~\"eth\"}|MISSING",
                "fs_avail{mount=\"/\"} / fs_size{mount=\"/\"}|25",
                "1 - fs_avail{mount=\"/\"} / fs_size{mount=\"/\"}|75",
                "1 - sum(fs_avail{fs=\"vfat\"}) / max(fs_size)|95",
                "1 - errs{device=\"eth0\"}|-2",
            })
    void valuesOfAPage(String formula, String expected) {
        MetricFormula parsed = MetricFormula.parse(formula);

        if (expected.equals("MISSING")) {
            assertEquals(
                    "no series matches errs{device=~\"eth\"}",
                    assertThrows(IllegalArgumentException.class, () -> parsed.evaluate(PAGE, PAGE))
                            .getMessage());
        } else {
            assertEquals(Double.parseDouble(expected), parsed.evaluate(PAGE, PAGE), 1e-9);
        }
    }

    @Test
    void increaseComparesTwoScrapesSeriesBySeriesAndSurvivesAReset() {
        List<Sample> before = PrometheusText.parse("cpu{mode=\"idle\",cpu=\"0\"} 10\ncpu{mode=\"user\",cpu=\"0\"} 50\n"
                + "cpu{mode=\"idle\",cpu=\"1\"} 500\ncpu{mode=\"user\",cpu=\"1\"} 5");
        List<Sample> after = PrometheusText.parse("cpu{mode=\"idle\",cpu=\"0\"} 12\ncpu{mode=\"user\",cpu=\"0\"} 51\n"
                + "cpu{mode=\"idle\",cpu=\"1\"} 1\ncpu{mode=\"user\",cpu=\"1\"} 6");
        MetricFormula busy = MetricFormula.parse("1 - increase(cpu{mode=\"idle\"}) / increase(cpu)");

        assertTrue(busy.comparesScrapes());
        assertFalse(MetricFormula.parse("cpu").comparesScrapes());
        // idle grew 2 + 1 (cpu 1 was reset to 1), everything grew 2 + 1 + 1 + 1.
        assertEquals(40, busy.evaluate(before, after), 1e-9);
    }

    @Test
    void divisionByZeroSaysWhichSelectorIsZero() {
        var refused = assertThrows(
                IllegalArgumentException.class,
                () -> MetricFormula.parse("errs / fs_avail{mount=\"none\"}")
                        .evaluate(PAGE, PrometheusText.parse("errs 1\nfs_avail{mount=\"none\"} 0")));

        assertEquals("fs_avail{mount=\"none\"} is 0, cannot divide by it", refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rate(x)|unknown function 'rate'; use sum, min, max, avg, count or increase",
                "x{a=\"1\"|expected ',' or '}' at column 8",
                "x{a~\"1\"}|expected =, !=, =~ or !~ after label 'a' at column 4",
                "x{a=1}|expected a quoted value for label 'a' at column 5",
                "x{a=~\"(\"}|label 'a': invalid regular expression: Unclosed group",
                "x * y|unexpected '* y' at column 3; a value is [1 -] selector [/ selector]",
                "sum(x|expected ')' after x at column 6",
                "/ y|expected a metric name at column 1",
            })
    void mistakesAreExplained(String formula, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> MetricFormula.parse(formula))
                        .getMessage());
    }
}
