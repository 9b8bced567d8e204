package dev.rounds.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Records every {@link ChecklistsLoaded} event, as a feature reacting to reloads would receive them. */
@ApplicationScoped
public class LoadedEvents {

    private final List<ChecklistsLoaded> events = new ArrayList<>();

    synchronized void on(@Observes ChecklistsLoaded event) {
        events.add(event);
    }

    public synchronized List<ChecklistsLoaded> all() {
        return List.copyOf(events);
    }
}
