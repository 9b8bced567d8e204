package dev.rounds.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The calendar feeds. */
@ConfigMapping(prefix = "rounds.calendar")
public interface CalendarConfig {

    /** How far ahead of now a feed lists due times. */
    @WithDefault("60d")
    Duration horizon();
}
