package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading ping's statistics, from real captured output (src/test/resources/ping) and iputils' other forms. */
class PingReportTest {

    private static String captured(String name) throws IOException {
        try (InputStream in = PingReportTest.class.getResourceAsStream("/ping/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyReplyGivesNoLossAndRoundTrips() throws IOException {
        PingReport report = PingReport.parse(captured("loopback-all-answered.txt"));

        assertEquals(new PingReport(3, 3, 0.0, Duration.ofNanos(47_000), Duration.ofNanos(56_000)), report);
    }

    @Test
    void silentPeerGivesFullLossAndNoRoundTrip() throws IOException {
        PingReport report = PingReport.parse(captured("silent-peer-all-lost.txt"));

        assertEquals(new PingReport(3, 0, 100.0, null, null), report);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "3 packets transmitted, 2 received, 33.3333% packet loss, time 402ms|3|2|33.3333",
                "5 packets transmitted, 0 received, +5 errors, 100% packet loss, time 4083ms|5|0|100",
                "4 packets transmitted, 4 received, +1 duplicates, 0% packet loss, time 3004ms|4|4|0",
            })
    void partialLossErrorsAndDuplicatesAreRead(String line, int transmitted, int received, double loss) {
        PingReport report = PingReport.parse("--- host ping statistics ---\n" + line + "\n");

        assertEquals(transmitted, report.transmitted());
        assertEquals(received, report.received());
        assertEquals(loss, report.packetLoss());
    }

    @Test
    void outputWithoutStatisticsIsNoReport() {
        assertNull(PingReport.parse("ping: no-such-host.invalid: Name or service not known\n"));
    }
}
