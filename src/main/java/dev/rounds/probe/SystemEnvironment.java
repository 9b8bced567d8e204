package dev.rounds.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The process environment Rounds was started with. */
@ApplicationScoped
public class SystemEnvironment implements Environment {

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
