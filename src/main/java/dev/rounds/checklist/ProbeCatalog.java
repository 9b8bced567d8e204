package dev.rounds.checklist;

import java.util.Optional;
import java.util.Set;

/** The probe types the loader may accept; implemented by the probe feature, which depends on this one. */
public interface ProbeCatalog {

    Optional<ProbeSchema> schema(String type);

    Set<String> types();
}
