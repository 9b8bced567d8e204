package dev.rounds.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records every {@link ChecklistsLoaded} event, as a feature reacting to reloads would receive them. */
@ApplicationScoped
public class LoadedEvents {

    private final List<ChecklistsLoaded> events = new ArrayList<>();
    private final List<CompletableFuture<ChecklistsLoaded>> waiting = new ArrayList<>();

    void on(@Observes ChecklistsLoaded event) {
        List<CompletableFuture<ChecklistsLoaded>> due;
        synchronized (this) {
            events.add(event);
            due = List.copyOf(waiting);
            waiting.clear();
        }
        due.forEach(future -> future.complete(event));
    }

    public synchronized List<ChecklistsLoaded> all() {
        return List.copyOf(events);
    }

    /** Completes with the first configuration put in force after this call, as the registry announces it. */
    public synchronized CompletableFuture<ChecklistsLoaded> next() {
        var next = new CompletableFuture<ChecklistsLoaded>();
        waiting.add(next);
        return next;
    }
}
