package dev.rounds.advisory;

import jakarta.persistence.Embeddable;

/** A target and the software entry of it that an advisory names. */
@Embeddable
public class AdvisoryMatch {

    public String targetId;

    public String software;

    public AdvisoryMatch() {}

    AdvisoryMatch(SoftwareMatch match) {
        this.targetId = match.targetId();
        this.software = match.software();
    }
}
