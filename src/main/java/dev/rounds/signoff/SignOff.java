package dev.rounds.signoff;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A person's attestation that an occurrence's work was done. Never edited; superseded by a newer one. */
@Entity
@Table(name = "signoff")
public class SignOff extends IdentityEntity {

    public Long occurrenceId;

    public String actor;

    public Instant signedAt;

    public String note;

    /** An incident or change reference, required when signing off a failure. */
    public String reference;

    /** A web page that shows the work, http or https, or {@code null}. */
    public String link;

    /** The sign-off this one replaces, or {@code null}. */
    public Long supersedesId;

    public static List<SignOff> findByOccurrence(long occurrenceId) {
        return list("occurrenceId = ?1 order by id", occurrenceId);
    }

    public static boolean isSuperseded(long id) {
        return count("supersedesId", id) > 0;
    }
}
