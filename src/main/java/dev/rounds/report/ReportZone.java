package dev.rounds.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The zone reports count days, weeks and months in ({@code rounds.report.zone}, default the machine's): a report's
 * "Tuesday" is the team's Tuesday, with 23 or 25 hours on DST days.
 */
@ApplicationScoped
public class ReportZone {

    private final ZoneId zone;

    public ReportZone(@ConfigProperty(name = "rounds.report.zone") Optional<String> zone) {
        // Read as text: Quarkus' ZoneId converter fails on an absent value instead of giving an empty Optional.
        this.zone = zone.filter(id -> !id.isBlank()).map(ZoneId::of).orElseGet(ZoneId::systemDefault);
    }

    public ZoneId get() {
        return zone;
    }
}
