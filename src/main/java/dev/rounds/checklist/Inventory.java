package dev.rounds.checklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The targets probes run against, and the groups that organise them. */
public record Inventory(Map<String, Group> groups, List<Target> targets, String file, String sha256) {

    public Inventory {
        groups = Map.copyOf(groups);
        targets = List.copyOf(targets);
    }

    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
