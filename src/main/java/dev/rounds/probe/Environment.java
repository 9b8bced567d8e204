package dev.rounds.probe;

import java.util.Optional;

/**
 * Where probes read the secrets a checklist names (e.g. {@code auth_env: JIRA_TOKEN}): the process environment
 * in the application, so that secrets never sit in the YAML.
 */
public interface Environment extends ProbeFacility {

    /** The variable's value, empty when it is not set or blank. */
    Optional<String> variable(String name);
}
