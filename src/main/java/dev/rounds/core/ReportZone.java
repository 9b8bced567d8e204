package dev.rounds.core;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The zone reports count days, weeks and months in ({@code rounds.report.zone}, default the machine's): a report's
 * "Tuesday" is the team's Tuesday, with 23 or 25 hours on DST days.
 */
/* Created at start so that a wrong zone stops Rounds with its message, not the first report. */
@Startup
@ApplicationScoped
public class ReportZone {

    private final ZoneId zone;

    @Inject
    public ReportZone(ReportZoneConfig config) {
        this(config.zone());
    }

    public ReportZone(Optional<String> zone) {
        // Read as text: Quarkus' ZoneId converter fails on an absent value instead of giving an empty Optional.
        this.zone = zone.filter(id -> !id.isBlank()).map(ReportZone::parse).orElseGet(ZoneId::systemDefault);
    }

    private static ZoneId parse(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "rounds.report.zone must be a time zone like Europe/London or UTC, got '" + id + "'", e);
        }
    }

    public ZoneId get() {
        return zone;
    }
}
