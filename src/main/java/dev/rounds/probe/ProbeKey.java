package dev.rounds.probe;

/**
 * The stable identity of one probe against one target: {@code daily/services-up#0@rounds-self}.
 * It survives reloads as long as the checklist, activity, probe position and target stay the same.
 */
public record ProbeKey(String checklistId, String activityId, int probeIndex, String targetId) {

    /**
     * Reads the form {@link #toString()} writes.
     *
     * @throws IllegalArgumentException when the text is not {@code checklist/activity#position@target}
     */
    public static ProbeKey parse(String text) {
        int slash = text.indexOf('/');
        int hash = text.indexOf('#', slash + 1);
        int at = text.indexOf('@', hash + 1);
        if (slash <= 0 || hash <= slash + 1 || at <= hash + 1 || at == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a probe key checklist/activity#position@target");
        }
        try {
            return new ProbeKey(
                    text.substring(0, slash),
                    text.substring(slash + 1, hash),
                    Integer.parseInt(text.substring(hash + 1, at)),
                    text.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no number as its probe position", e);
        }
    }

    @Override
    public String toString() {
        return checklistId + "/" + activityId + "#" + probeIndex + "@" + targetId;
    }
}
