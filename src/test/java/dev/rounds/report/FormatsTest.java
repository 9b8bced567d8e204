package dev.rounds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Page times: the reader's zone shown, the UTC instant to the second in the element, never the stored nanoseconds. */
class FormatsTest {

    private static final Instant STORED = Instant.parse("2026-12-03T07:19:25.644839781Z");

    @Test
    void aTimeShowsInTheReadersZoneAndCarriesItsUtcInstant() {
        assertEquals(
                "<time datetime=\"2026-12-03T07:19:25Z\" title=\"2026-12-03 07:19:25 UTC\">Thu 3 Dec 08:19 CET</time>",
                Formats.element(STORED, Formats.whenFormat(), ZoneId.of("Europe/Berlin"))
                        .getValue());
    }

    @Test
    void summerTimeNamesItsOwnZone() {
        assertEquals(
                "<time datetime=\"2026-06-04T07:19:25Z\" title=\"2026-06-04 07:19:25 UTC\">Thu 4 Jun 08:19 BST</time>",
                Formats.element(
                                Instant.parse("2026-06-04T07:19:25.5Z"),
                                Formats.whenFormat(),
                                ZoneId.of("Europe/London"))
                        .getValue());
    }

    @Test
    void nothingIsADash() {
        assertEquals(
                "—",
                Formats.element(null, Formats.whenFormat(), ZoneId.of("UTC")).getValue());
    }
}
