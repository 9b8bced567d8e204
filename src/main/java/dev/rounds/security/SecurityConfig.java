package dev.rounds.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Access control settings. */
@ConfigMapping(prefix = "rounds.security")
public interface SecurityConfig {

    /**
     * The password given to the built-in {@code admin} account at first start; when absent, one is
     * generated and printed once to the log.
     */
    Optional<String> initialAdminPassword();
}
