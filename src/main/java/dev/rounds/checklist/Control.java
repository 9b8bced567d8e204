package dev.rounds.checklist;

import java.util.Locale;

/**
 * One control of a framework's catalog.
 *
 * @param id as the framework writes it, e.g. {@code CP-9}, {@code A.8.13}, {@code CC7.2}
 * @param title a short title; empty where the framework's own text is not ours to ship and nobody filled it in
 * @param family the family or clause it belongs to, e.g. {@code Contingency Planning}; empty if the catalog has none
 */
public record Control(String id, String title, String family) {

    /**
     * The id as an OSCAL token ({@code control-id}): lowercase, an enhancement's parentheses as a dot, so
     * {@code CP-9(1)} is {@code cp-9.1} as in NIST's own catalogs, and {@code A.8.13} is {@code a.8.13}.
     */
    public String oscalId() {
        return id.toLowerCase(Locale.ROOT).replaceAll("\\((\\w+)\\)", ".$1").replaceAll("[^\\p{L}\\p{N}._-]", "-");
    }
}
