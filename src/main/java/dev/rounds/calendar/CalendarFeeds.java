package dev.rounds.calendar;

import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

/** The feeds: one per checklist and one per owner, each of the checklists in force. */
@ApplicationScoped
public class CalendarFeeds {

    @Inject
    ChecklistRegistry registry;

    @Inject
    DueTimes dueTimes;

    @Inject
    Clock clock;

    /** The due times of one checklist. */
    public String ofChecklist(String id, URI base) {
        Checklist checklist = registry.current()
                .checklist(id)
                .orElseThrow(() -> new CalendarRefused(
                        404, "there is no checklist '" + id + "'; the checklists are listed at /checklists"));
        return FeedWriter.write(checklist.title(), dueTimes.of(List.of(checklist)), base, clock.instant());
    }

    /** The due times of every checklist with this {@code owner:}. */
    public String ofOwner(String owner, URI base) {
        List<Checklist> owned = registry.current().checklists().stream()
                .filter(c -> c.owner().equals(owner))
                .toList();
        if (owned.isEmpty()) {
            throw new CalendarRefused(
                    404, "no checklist has the owner '" + owner + "'; the owners are " + String.join(", ", owners()));
        }
        return FeedWriter.write(owner, dueTimes.of(owned), base, clock.instant());
    }

    /** The owners the checklists in force name, in order. */
    public List<String> owners() {
        return List.copyOf(new TreeSet<>(
                registry.current().checklists().stream().map(Checklist::owner).toList()));
    }

    /** The checklists in force. */
    public List<Checklist> checklists() {
        return registry.current().checklists();
    }
}
