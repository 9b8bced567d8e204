package dev.rounds.probe;

/**
 * The stable identity of one probe against one target: {@code daily/services-up#0@rounds-self}.
 * It survives reloads as long as the checklist, activity, probe position and target stay the same.
 */
public record ProbeKey(String checklistId, String activityId, int probeIndex, String targetId) {

    @Override
    public String toString() {
        return checklistId + "/" + activityId + "#" + probeIndex + "@" + targetId;
    }
}
