package dev.rounds.signoff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A person's attestation that an occurrence's work was done. Never edited; superseded by a newer one. */
@Entity
@Table(name = "signoff")
public class SignOff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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
