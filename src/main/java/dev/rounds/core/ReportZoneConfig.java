package dev.rounds.core;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The zone reports count their days in. */
@ConfigMapping(prefix = "rounds.report")
public interface ReportZoneConfig {

    /**
     * The zone of reports' local days (rollups, reviews, exports, the auditor's bundle), e.g. {@code Europe/London}
     * or {@code UTC}; absent or empty for the machine's zone. Read as text, so that {@link ReportZone} can say what is
     * wrong with a zone it does not know.
     */
    Optional<String> zone();
}
