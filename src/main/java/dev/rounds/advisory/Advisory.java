package dev.rounds.advisory;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A security advisory that matched the inventory, stored once by its key, and its triage. */
@Entity
@Table(name = "advisory")
public class Advisory extends IdentityEntity {

    /** The CVE id, else the feed entry's guid, id or link. */
    @Column(name = "advisory_key")
    public String key;

    /** The feed it was first seen in. */
    public String sourceUrl;

    public String title;

    public String link;

    public Instant publishedAt;

    public Instant firstSeen;

    @Enumerated(EnumType.STRING)
    public TriageState state;

    public String triagedBy;

    public Instant triagedAt;

    public String triageNote;

    /** The targets and software entries it matched when it was first seen. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "advisory_match", joinColumns = @JoinColumn(name = "advisory_id"))
    public List<AdvisoryMatch> matches = new ArrayList<>();

    public static List<Advisory> findByState(TriageState state) {
        return list("state = ?1 order by firstSeen desc, id desc", state);
    }

    public static List<Advisory> findAllNewestFirst() {
        return list("order by firstSeen desc, id desc");
    }

    public static long countByState(TriageState state) {
        return count("state", state);
    }

    /** Which of the keys are stored already. */
    static Set<String> storedKeys(Collection<String> keys) {
        Set<String> stored = new HashSet<>();
        List<String> all = List.copyOf(keys);
        // bounded IN lists: a KEV catalog has well over a thousand entries
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            stored.addAll(getEntityManager()
                    .createQuery("select a.key from Advisory a where a.key in :keys", String.class)
                    .setParameter("keys", chunk)
                    .getResultList());
        }
        return stored;
    }
}
