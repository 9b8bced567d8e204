package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plugin output as the Monitoring Plugins print it, from the recorded runs in nagios-plugins.txt. */
class PluginOutputTest {

    /** Each recorded command with what it printed. */
    private static final Map<String, String> RECORDED = new LinkedHashMap<>();

    @BeforeAll
    static void readRecordedRuns() throws IOException {
        String command = null;
        List<String> output = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/work/shared/fixtures/nagios-plugins.txt"))) {
            if (line.startsWith("$ ")) {
                command = line.substring(2).replace("/usr/lib/nagios/plugins/", "");
                output.clear();
            } else if (line.startsWith("exit=")) {
                RECORDED.put(command, String.join("\n", output));
            } else {
                output.add(line);
            }
        }
    }

    private static PluginOutput recorded(String command) {
        return PluginOutput.parse(RECORDED.get(command));
    }

    @Test
    void checkLoadPerfdataBecomesNumbersNamedAfterTheLabels() {
        PluginOutput output = recorded("check_load -r -w 4,3,2 -c 8,6,4");

        assertEquals(
                Map.of(
                        "load1",
                        6.77,
                        "scaled_load1",
                        3.385,
                        "load5",
                        4.64,
                        "scaled_load5",
                        2.32,
                        "load15",
                        2.93,
                        "scaled_load15",
                        1.465),
                output.perfdata());
        assertEquals(
                "LOAD OK - scaled load average: 3.38, 2.32, 1.47 - total load average: 6.77, 4.64, 2.93",
                output.summary());
    }

    @Test
    void secondsBecomeDurationsAndBytesBecomeSizes() {
        assertEquals(
                Map.of("time", Duration.ofNanos(3_093_000), "size", 520L),
                recorded("check_http -H 127.0.0.1 -p 18080 -u /missing.html").perfdata());
        assertEquals(
                Map.of("time", Duration.ofNanos(110_000)),
                recorded("check_tcp -H 127.0.0.1 -p 18080").perfdata());
    }

    @Test
    void checkDiskRootMountIsNamedRoot() {
        PluginOutput output = recorded("check_disk -w 10% -c 5% -p /");

        assertEquals(Map.of("root", 25_988_956_160L), output.perfdata());
        assertEquals("DISK OK - free space: / 79112MiB (76% inode=97%);", output.text());
    }

    @Test
    void outputWithoutPerfdataKeepsItsLongLines() {
        PluginOutput output = recorded("check_load");

        assertEquals(Map.of(), output.perfdata());
        assertEquals("check_load: Could not parse arguments", output.summary());
        assertEquals(
                "check_load: Could not parse arguments\nUsage:\n"
                        + "check_load [-r] -w WLOAD1,WLOAD5,WLOAD15 -c CLOAD1,CLOAD5,CLOAD15 [-n NUMBER_OF_PROCS]",
                output.text());
        assertEquals(
                "connect to address 127.0.0.1 and port 18081: Connection refused\nHTTP CRITICAL - Unable to open TCP socket",
                recorded("check_http -H 127.0.0.1 -p 18081").text());
    }

    @Test
    void perfdataAfterTheLongOutputRunsToTheEnd() {
        PluginOutput output = PluginOutput.parse("""
                DISK WARNING - /var at 85%|'/var used'=85%;80;90;0;100 'it''s'=2c
                /var is filling up
                /home is fine | home=12GB;;;0;100 'in flight'=U
                queue=3s;; 'wait time'=250ms
                latency=40us
                """);

        assertEquals("DISK WARNING - /var at 85%\n/var is filling up\n/home is fine", output.text());
        assertEquals(
                List.of("var_used", "it_s", "home", "queue", "wait_time", "latency"),
                List.copyOf(output.perfdata().keySet()));
        assertEquals(85L, output.perfdata().get("var_used"));
        assertEquals(2L, output.perfdata().get("it_s"));
        assertEquals(12L * 1024 * 1024 * 1024, output.perfdata().get("home"));
        assertEquals(Duration.ofSeconds(3), output.perfdata().get("queue"));
        assertEquals(Duration.ofMillis(250), output.perfdata().get("wait_time"));
        assertEquals(Duration.ofNanos(40_000), output.perfdata().get("latency"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/|root",
                "/var/log|var_log",
                "load1|load1",
                "'my label'|my_label",
                "5min|_5min",
                "C:\\ Drive|C_Drive"
            })
    void labelsBecomeOperandNames(String label, String operand) {
        assertEquals(operand, PluginOutput.operandName(label));
    }
}
