package dev.rounds.signoff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where sign-off evidence files are kept and how large one may be. */
@ConfigMapping(prefix = "rounds.evidence")
public interface EvidenceConfig {

    /** The folder that holds evidence files, each named by its SHA-256. */
    @WithDefault("data/evidence")
    String dir();

    /** The largest evidence file accepted, in bytes; a larger upload is refused and nothing is stored. */
    @WithDefault("10485760")
    long maxBytes();
}
