package dev.rounds.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the schedule runs. */
@ConfigMapping(prefix = "rounds.schedule")
public interface ScheduleConfig {

    /** How often probes without {@code every} are retried until they pass or the occurrence is due. */
    @WithDefault("10m")
    Duration retry();

    /** How often occurrences are opened and re-evaluated; {@code off} stops the timer (tests drive it). */
    @WithDefault("10s")
    String tick();
}
