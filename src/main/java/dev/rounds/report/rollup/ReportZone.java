package dev.rounds.report.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The zone whose local days daily rollups and reports count in: {@code rounds.report.zone}, else the machine's. */
@ApplicationScoped
public class ReportZone {

    private final ZoneId zone;

    public ReportZone(@ConfigProperty(name = "rounds.report.zone") Optional<String> zone) {
        this.zone = zone.filter(id -> !id.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    public ZoneId zone() {
        return zone;
    }
}
