package dev.rounds.probe.type;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics at the end of a {@code ping} run (iputils, in the C locale):
 * {@code 3 packets transmitted, 3 received, 0% packet loss} and {@code rtt min/avg/max/mdev = a/b/c/d ms}.
 *
 * @param rtt the average round trip, or {@code null} when no reply came back
 * @param rttMax the slowest round trip, or {@code null} when no reply came back
 */
record PingReport(int transmitted, int received, double packetLoss, Duration rtt, Duration rttMax) {

    private static final Pattern COUNTS = Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");
    private static final Pattern LOSS = Pattern.compile("(\\d+(?:\\.\\d+)?)% packet loss");
    private static final Pattern TIMES =
            Pattern.compile("= (\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?)(?:/\\S+)? ms");

    /** The report in ping's output, or {@code null} when ping printed none (it failed before sending). */
    static PingReport parse(String output) {
        Matcher counts = COUNTS.matcher(output);
        Matcher loss = LOSS.matcher(output);
        if (!counts.find() || !loss.find()) return null;
        Matcher times = TIMES.matcher(output);
        boolean timed = times.find();
        return new PingReport(
                Integer.parseInt(counts.group(1)),
                Integer.parseInt(counts.group(2)),
                Double.parseDouble(loss.group(1)),
                timed ? millis(times.group(2)) : null,
                timed ? millis(times.group(3)) : null);
    }

    private static Duration millis(String text) {
        return Duration.ofNanos(new BigDecimal(text).movePointRight(6).longValue());
    }
}
