package dev.rounds.advisory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the {@code feed} probe fetches security feeds. */
@ConfigMapping(prefix = "rounds.advisory")
public interface AdvisoryConfig {

    /** The most bytes a feed document may have; a larger one is cut there and nothing of it is stored. */
    @WithDefault("16777216")
    long maxBytes();

    /** An HTTP proxy for every feed, as {@code http://host:port}, for networks that reach the internet only so. */
    Optional<String> proxy();
}
