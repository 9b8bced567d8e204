package dev.rounds.schedule;

import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SetupNeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the latest state of probes from the table the result writer keeps up to date. */
@ApplicationScoped
public class ProbeStateReader {

    /** Up to this many keys are looked up by key; more read the table (see {@link #rows}). */
    static final int FEW_KEYS = 100;

    @Inject
    EntityManager em;

    public Map<String, ProbeSnapshot> find(Collection<String> probeKeys) {
        Map<String, ProbeSnapshot> found = new HashMap<>();
        if (probeKeys.isEmpty()) {
            return found;
        }
        Set<String> wanted = probeKeys instanceof Set<String> set ? set : new HashSet<>(probeKeys);
        for (Object[] row : rows(wanted)) {
            String key = (String) row[0];
            if (!wanted.contains(key)) continue;
            found.put(
                    key,
                    new ProbeSnapshot(
                            key,
                            ProbeStatus.valueOf(((String) row[1]).toUpperCase(Locale.ROOT)),
                            toInstant(row[2]),
                            ((Number) row[3]).intValue(),
                            (String) row[4],
                            row[5] == null ? null : new SetupNeed((String) row[5], (String) row[6])));
        }
        return found;
    }

    /**
     * The rows of {@code keys}: by key for a few, the whole table for many. An IN list of thousands of keys (the
     * dashboard of 10,000 pairs) is compared row by row against every key, which costs H2 far more than reading the
     * table, one row per probe × target, and keeping those asked for.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Set<String> keys) {
        String columns =
                "SELECT probe_key, last_status, last_started_at, consecutive_down, last_message, setup_kind, setup_fix"
                        + " FROM probe_state";
        if (keys.size() > FEW_KEYS) return em.createNativeQuery(columns).getResultList();
        return em.createNativeQuery(columns + " WHERE probe_key IN (:keys)")
                .setParameter("keys", keys)
                .getResultList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) return instant;
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
