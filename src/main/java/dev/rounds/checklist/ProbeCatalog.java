package dev.rounds.checklist;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The probe types the loader may accept; implemented by the probe feature, which depends on this one. */
public interface ProbeCatalog {

    Optional<ProbeSchema> schema(String type);

    Set<String> types();

    /** A catalog of the given schemas, keyed by type name; types are listed in name order. */
    static ProbeCatalog of(Map<String, ProbeSchema> schemas) {
        Map<String, ProbeSchema> byType = Collections.unmodifiableMap(new TreeMap<>(schemas));
        return new ProbeCatalog() {
            @Override
            public Optional<ProbeSchema> schema(String type) {
                return Optional.ofNullable(byType.get(type));
            }

            @Override
            public Set<String> types() {
                return byType.keySet();
            }
        };
    }
}
