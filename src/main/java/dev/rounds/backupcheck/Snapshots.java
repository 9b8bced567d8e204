package dev.rounds.backupcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The snapshot times a backup tool listed, read from its own JSON output. */
record Snapshots(List<Instant> times) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Snapshots {
        times = times.stream().sorted(Comparator.reverseOrder()).toList();
    }

    Optional<Instant> newest() {
        return times.stream().findFirst();
    }

    /** {@code restic snapshots --json}: an array of snapshots, each with an RFC 3339 {@code time}. */
    static Snapshots ofRestic(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isArray()) {
            throw new IOException("restic snapshots --json did not print a JSON array");
        }
        List<Instant> times = new ArrayList<>();
        for (JsonNode snapshot : root) {
            times.add(parse(
                    snapshot.path("time").asText(), t -> OffsetDateTime.parse(t).toInstant()));
        }
        return new Snapshots(times);
    }

    /**
     * {@code borg list --json}: an object whose {@code archives} each have a {@code time} without offset, in the
     * time zone borg ran in, which the probe sets to UTC.
     */
    static Snapshots ofBorg(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode archives = root == null ? null : root.get("archives");
        if (archives == null || !archives.isArray()) {
            throw new IOException("borg list --json did not print an object with an 'archives' list");
        }
        List<Instant> times = new ArrayList<>();
        for (JsonNode archive : archives) {
            times.add(parse(
                    archive.path("time").asText(), t -> LocalDateTime.parse(t).toInstant(ZoneOffset.UTC)));
        }
        return new Snapshots(times);
    }

    private interface TimeParser {
        Instant parse(String text);
    }

    private static Instant parse(String text, TimeParser parser) throws IOException {
        try {
            return parser.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("snapshot time '" + text + "' is not an ISO-8601 time");
        }
    }
}
