package dev.rounds.checklist;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One checklist file: a cadence and the activities that recur with it.
 *
 * @param due offset from the start of the period at which activities fall due, unless they override it
 * @param file the file name relative to the checklist folder, e.g. {@code daily.yaml}
 * @param sha256 lowercase hex SHA-256 of the file's bytes as loaded
 */
public record Checklist(
        String id,
        String title,
        Cadence cadence,
        Duration due,
        ZoneId timezone,
        String owner,
        List<Activity> activities,
        String file,
        String sha256) {

    public Checklist {
        activities = List.copyOf(activities);
    }

    public Optional<Activity> activity(String activityId) {
        return activities.stream().filter(a -> a.id().equals(activityId)).findFirst();
    }

    /** The due offset of an activity: its own, or the checklist's. */
    public Duration dueOf(Activity activity) {
        return activity.due() != null ? activity.due() : due;
    }
}
