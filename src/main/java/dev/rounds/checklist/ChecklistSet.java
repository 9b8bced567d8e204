package dev.rounds.checklist;

import dev.rounds.audit.CanonicalJson;
import dev.rounds.core.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole, valid configuration: every checklist, the inventory and the framework catalogs, as loaded together from
 * one folder.
 */
public record ChecklistSet(List<Checklist> checklists, Inventory inventory, Frameworks frameworks) {

    public ChecklistSet {
        checklists = List.copyOf(checklists);
    }

    /** A configuration without framework catalogs. */
    public ChecklistSet(List<Checklist> checklists, Inventory inventory) {
        this(checklists, inventory, Frameworks.NONE);
    }

    public Optional<Checklist> checklist(String id) {
        return checklists.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** File name to SHA-256 of every file this configuration was loaded from. */
    public Map<String, String> fileHashes() {
        var hashes = new java.util.TreeMap<String, String>();
        checklists.forEach(c -> hashes.put(c.file(), c.sha256()));
        if (inventory.file() != null) hashes.put(inventory.file(), inventory.sha256());
        frameworks.all().forEach(f -> hashes.put(f.file(), f.sha256()));
        return hashes;
    }

    /**
     * The whole set's SHA-256: of the canonical JSON (RFC 8785) of {@link #fileHashes()}, the map each
     * {@code checklist.loaded} entry records, so the one can be recomputed from the other.
     */
    public String sha256() {
        return Sha256.hex(CanonicalJson.of(fileHashes()));
    }
}
