package dev.rounds.signoff;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/** The file a person attached to a sign-off; its content is on disk under {@link #sha256}. */
@Entity
@Table(name = "evidence")
public class Evidence extends IdentityEntity {

    @Column(name = "signoff_id")
    public Long signOffId;

    /** The uploader's name for the file, for display and downloads only: never part of a path. */
    public String fileName;

    public String mediaType;

    public long sizeBytes;

    public String sha256;

    public static Optional<Evidence> findBySignOff(long signOffId) {
        return find("signOffId", signOffId).firstResultOptional();
    }
}
