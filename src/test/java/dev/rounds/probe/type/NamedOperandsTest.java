package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.checklist.ChecklistLoader;
import dev.rounds.checklist.LoadResult;
import dev.rounds.checklist.Problem;
import dev.rounds.probe.ProbeTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types whose operands the checklist names (metrics values, plugin performance data) accept any name in
 * {@code expect}, while every other type still refuses names it does not measure.
 */
class NamedOperandsTest {

    @TempDir
    Path dir;

    @Test
    void metricsAndExecAcceptTheirOwnNamesAndOtherTypesStillRefuseUnknownOnes() throws IOException {
        Files.writeString(dir.resolve("inventory.yaml"), """
                targets:
                  - { id: host01, address: 127.0.0.1 }
                """);
        Files.writeString(dir.resolve("daily.yaml"), """
                id: daily
                title: Daily
                cadence: daily
                activities:
                  - id: a
                    title: A
                    probes:
                      - type: metrics
                        target: host01
                        preset: node
                        values:
                          data_free: node_filesystem_avail_bytes{mountpoint="/data"} / node_filesystem_size_bytes{mountpoint="/data"}
                          load: max(node_load5)
                        expect: [cpu_busy < 90%, disk_used < 90%, data_free > 10%, load < 8]
                      - type: exec
                        target: host01
                        command: check_load
                        args: [-w, "5,4,3", -c, "10,8,6"]
                        expect: [load1 < 5, exit_code == 0]
                      - type: http
                        target: host01
                        expect: [disk_used < 90%]
                      - type: metrics
                        target: host01
                        expect: ["json($.a) == 1"]
                """);

        LoadResult result = new ChecklistLoader().load(dir, new ProbeTypes());

        assertEquals(
                List.of(
                        "daily.yaml:22:18: probe type 'http' has no operand 'disk_used'; it measures body, "
                                + "body_size, cert_expiry, json(), response_time, status",
                        "daily.yaml:25:19: operand 'json' of probe type 'metrics' takes no argument"),
                result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void metricsValuesWrittenAsInTheReadmeArriveAsWritten() throws IOException {
        Files.writeString(dir.resolve("inventory.yaml"), """
                targets:
                  - { id: host01, address: 127.0.0.1 }
                """);
        Files.writeString(dir.resolve("daily.yaml"), """
                id: daily
                title: Daily
                cadence: daily
                activities:
                  - id: a
                    title: A
                    probes:
                      - type: metrics
                        target: host01
                        values:
                          data_free: node_filesystem_avail_bytes{mountpoint="/data"} / node_filesystem_size_bytes{mountpoint="/data"}
                        expect: [data_free > 10%]
                """);

        LoadResult result = new ChecklistLoader().load(dir, new ProbeTypes());

        assertEquals(List.of(), result.problems());
        assertEquals(
                Map.of(
                        "data_free",
                        "node_filesystem_avail_bytes{mountpoint=\"/data\"} / "
                                + "node_filesystem_size_bytes{mountpoint=\"/data\"}"),
                result.set()
                        .checklists()
                        .get(0)
                        .activities()
                        .get(0)
                        .probes()
                        .get(0)
                        .settings()
                        .get("values"));
    }
}
