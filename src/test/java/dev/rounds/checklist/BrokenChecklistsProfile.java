package dev.rounds.checklist;

import java.util.Map;

/** Boots Rounds on {@code checklists-broken}, which start-up must refuse. */
public class BrokenChecklistsProfile extends ChecklistTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rounds.checklists.dir", "src/test/resources/checklists-broken");
    }
}
