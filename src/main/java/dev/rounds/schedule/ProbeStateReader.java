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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the latest state of probes from the table the result writer keeps up to date. */
@ApplicationScoped
public class ProbeStateReader {

    @Inject
    EntityManager em;

    public Map<String, ProbeSnapshot> find(Collection<String> probeKeys) {
        Map<String, ProbeSnapshot> found = new HashMap<>();
        if (probeKeys.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                SELECT probe_key, last_status, last_started_at, consecutive_down, last_message, setup_kind, setup_fix
                FROM probe_state WHERE probe_key IN (:keys)""").setParameter("keys", probeKeys).getResultList();
        for (Object[] row : rows) {
            String key = (String) row[0];
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

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) return instant;
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
