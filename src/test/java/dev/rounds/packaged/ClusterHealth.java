package dev.rounds.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one instance's {@code /q/health} check {@code cluster} says: its own member id, how many members it sees, and
 * how many probe × target pairs each member holds.
 */
record ClusterHealth(String self, int members, Map<String, Integer> probes) {

    private static final String PROBES = ".probes";

    /** The view of the instance, read now; fails when its health has no {@code cluster} check. */
    static ClusterHealth of(PackagedRounds instance) throws IOException, InterruptedException {
        JsonNode health = instance.get("/q/health").json();
        for (JsonNode check : health.path("checks")) {
            if (!check.path("name").asText().equals("cluster")) continue;
            JsonNode data = check.path("data");
            Map<String, Integer> probes = new TreeMap<>();
            data.fieldNames().forEachRemaining(field -> {
                if (field.endsWith(PROBES)) {
                    probes.put(
                            field.substring(0, field.length() - PROBES.length()),
                            data.get(field).asInt());
                }
            });
            return new ClusterHealth(
                    data.path("self").asText(), data.path("members").asInt(), probes);
        }
        throw new AssertionError("/q/health has no check named cluster: " + health);
    }

    /**
     * Waits until each instance sees {@code members} members that hold {@code pairs} pairs between them, each member
     * some; returns their views, or fails with the last ones seen after {@code limit}.
     */
    static List<ClusterHealth> awaitSettled(List<PackagedRounds> instances, int members, int pairs, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<ClusterHealth> views = new ArrayList<>();
            for (PackagedRounds instance : instances) views.add(of(instance));
            if (views.stream().allMatch(view -> view.settled(members, pairs))) return views;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + limit.toSeconds() + " s, not every instance saw " + members
                        + " members holding " + pairs + " probe x target pairs, each some: " + views);
            }
            Thread.sleep(250);
        }
    }

    private boolean settled(int expectedMembers, int pairs) {
        return members == expectedMembers
                && probes.size() == expectedMembers
                && total() == pairs
                && probes.values().stream().allMatch(held -> held > 0);
    }

    /** The pairs this instance holds itself. */
    int own() {
        return probes.getOrDefault(self, 0);
    }

    /** The pairs all members hold, as this instance sees them. */
    int total() {
        return probes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
