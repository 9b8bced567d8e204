package dev.rounds.checklist;

/** When a person must sign an occurrence off. */
public enum SignoffPolicy {
    /** Probes alone decide. */
    NONE,
    /** A confirmed failure keeps the occurrence failing until a person signs it off with a reference. */
    ON_FAILURE,
    /** A person always signs off, after the probes pass if there are any. */
    ALWAYS;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
