package dev.rounds.packaged;

import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.ProbeKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checklist folder of continuous tcp probes against loopback listeners, and nothing else (no internet feeds): one
 * target per port, the targets dealt round-robin into {@code groups}, and {@code activities} activities, activity
 * {@code i} probing group {@code i % groups}. With as many groups as activities each port is probed by exactly one
 * probe × target pair; with one group every activity probes every port.
 */
final class LoopbackChecklist {

    static final String ID = "cluster";

    private final List<Integer> ports;
    private final int activities;
    private final int groups;
    private final Duration every;
    private final int confirm;

    LoopbackChecklist(List<Integer> ports, int activities, int groups, Duration every) {
        this(ports, activities, groups, every, ProbeSpec.DEFAULT_CONFIRM);
    }

    /** @param confirm the consecutive downs that confirm a failure, the probes' {@code confirm} */
    LoopbackChecklist(List<Integer> ports, int activities, int groups, Duration every, int confirm) {
        this.ports = List.copyOf(ports);
        this.activities = activities;
        this.groups = groups;
        this.every = every;
        this.confirm = confirm;
    }

    Duration every() {
        return every;
    }

    /** Every probe × target pair on the schedule. */
    List<ProbeKey> keys() {
        List<ProbeKey> keys = new ArrayList<>();
        for (int activity = 0; activity < activities; activity++) {
            for (int target = 0; target < ports.size(); target++) {
                if (target % groups == activity % groups) keys.add(key(activity, target));
            }
        }
        return keys;
    }

    /** The pairs probing each port. */
    Map<Integer, List<ProbeKey>> keysByPort() {
        Map<Integer, List<ProbeKey>> byPort = new HashMap<>();
        for (ProbeKey key : keys()) {
            int target = Integer.parseInt(key.targetId().substring(1));
            byPort.computeIfAbsent(ports.get(target), port -> new ArrayList<>()).add(key);
        }
        return byPort;
    }

    /** Writes {@code inventory.yaml} and {@code cluster.yaml} into {@code home/checklists}. */
    void writeInto(Path home) {
        List<String> inventory = new ArrayList<>(List.of("groups:"));
        for (int group = 0; group < groups; group++) inventory.add("  " + group(group) + ": {}");
        inventory.add("targets:");
        for (int target = 0; target < ports.size(); target++) {
            inventory.add("  - id: " + target(target));
            inventory.add("    address: 127.0.0.1:" + ports.get(target));
            inventory.add("    groups: [" + group(target % groups) + "]");
        }
        List<String> checklist = new ArrayList<>(List.of(
                "id: " + ID,
                "title: Loopback listeners",
                "cadence: daily",
                "due: 23h59m",
                "timezone: UTC",
                "owner: operations",
                "activities:"));
        for (int activity = 0; activity < activities; activity++) {
            checklist.addAll(List.of(
                    "  - id: " + activity(activity),
                    "    title: Listeners of group " + group(activity % groups) + " accept",
                    "    signoff: none",
                    "    probes:",
                    "      - type: tcp",
                    "        target: group:" + group(activity % groups),
                    "        every: " + every.toSeconds() + "s",
                    "        timeout: 2s",
                    "        confirm: " + confirm));
        }
        try {
            Path folder = Files.createDirectories(home.resolve("checklists"));
            Files.write(folder.resolve("inventory.yaml"), inventory);
            Files.write(folder.resolve(ID + ".yaml"), checklist);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProbeKey key(int activity, int target) {
        return new ProbeKey(ID, activity(activity), 0, target(target));
    }

    private static String activity(int activity) {
        return "a%02d".formatted(activity);
    }

    private static String target(int target) {
        return "t%05d".formatted(target);
    }

    private static String group(int group) {
        return "g%02d".formatted(group);
    }
}
