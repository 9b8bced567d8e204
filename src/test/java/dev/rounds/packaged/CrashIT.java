package dev.rounds.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/durability.md: every request answered 2xx has committed durably. The packaged application, on its embedded
 * H2 file database, takes sign-offs, supersessions, waiver requests and acknowledgements from four client threads
 * while a fifth reads the audit log; it is SIGKILLed at a random moment, five times, and restarted on the same
 * folder. Afterwards every acknowledged write is there with its audit entry, the chain verifies, and no sequence
 * number that a reader once saw holds different content.
 */
class CrashIT {

    private static final int ROUNDS = 5;
    private static final String ACK_PROBE = "daily/port-watch#0@closed-port";

    @TempDir
    Path home;

    /** Acknowledged writes, by the unique text each carried, and what it must have become. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** seq to hash of every audit entry a reader saw while Rounds ran. */
    private final Map<Long, String> seen = new ConcurrentHashMap<>();

    private final AtomicLong counter = new AtomicLong();
    /** Refusals the clients did not expect: each would make the test prove less than it says. */
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndNoSequenceNumberIsReused() throws Exception {
        writeChecklists();
        PackagedRounds rounds = new PackagedRounds(home);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 1; round <= ROUNDS; round++) {
            rounds.start();
            if (round == 1) rounds.useApiToken();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(5);
            clients.submit(() -> signOffs(rounds, "manual-1", running));
            clients.submit(() -> signOffs(rounds, "manual-2", running));
            clients.submit(() -> waivers(rounds, running));
            clients.submit(() -> acknowledgements(rounds, running));
            clients.submit(() -> readAudit(rounds, running));
            PackagedRounds.sleep(1000 + random.nextInt(3000));
            rounds.kill();
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients did not stop");
            assertEquals(List.of(), unexpected, "unexpected refusals in round " + round);
        }

        rounds.start();
        try {
            List<JsonNode> audit = rounds.audit();
            Map<String, JsonNode> recorded = new TreeMap<>();
            for (JsonNode entry : audit) {
                JsonNode detail = entry.get("detail");
                for (String field : List.of("note", "reason")) {
                    if (detail.hasNonNull(field)) recorded.put(detail.get(field).asText(), entry);
                }
                String earlier = seen.get(entry.get("seq").asLong());
                assertTrue(
                        earlier == null || earlier.equals(entry.get("hash").asText()),
                        "seq " + entry.get("seq") + " was reused for different content after a crash (seed " + seed
                                + ")");
            }
            assertTrue(audit.size() >= seen.size(), "entries that a reader saw are gone (seed " + seed + ")");
            Set<String> lost = acknowledged.keySet().stream()
                    .filter(text -> !recorded.containsKey(text)
                            || !recorded.get(text).get("action").asText().equals(acknowledged.get(text)))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertTrue(
                    acknowledged.size() > 20,
                    "too few writes were acknowledged to prove anything: " + acknowledged.size());
            assertEquals(
                    Set.of(),
                    lost,
                    "acknowledged writes lost after kill -9: " + lost.size() + " of " + acknowledged.size() + " (seed "
                            + seed + ")");
            assertStoredThroughTheApi(rounds);
            JsonNode verify = rounds.get("/api/audit/verify").json();
            assertTrue(verify.get("ok").asBoolean(), "the chain does not verify: " + verify);
            long starts = audit.stream()
                    .filter(e -> e.get("action").asText().equals("rounds.started"))
                    .count();
            long crashes = audit.stream()
                    .filter(e -> e.get("action").asText().equals("rounds.started")
                            && e.get("detail").get("previous_stop").asText().startsWith("none"))
                    .count();
            // A start that found its port taken is in the log too: it started, then stopped cleanly, and retried.
            assertEquals(rounds.launches(), starts, "each start is in the audit log");
            assertEquals(ROUNDS, crashes, "each start after a kill says the previous run did not stop cleanly");
            System.out.printf(
                    "crash test: %d rounds, %d acknowledged writes, 0 lost, %d audit entries (seed %d)%n",
                    ROUNDS, acknowledged.size(), audit.size(), seed);
        } finally {
            rounds.stop();
        }
    }

    /** Sign-offs and waivers acknowledged are in the API too, not only in the audit log. */
    private void assertStoredThroughTheApi(PackagedRounds rounds) throws IOException, InterruptedException {
        Set<String> stored = new java.util.HashSet<>();
        for (JsonNode occurrence :
                rounds.get("/api/occurrences?checklist=daily").json()) {
            for (JsonNode signOff : rounds.get("/api/occurrences/" + occurrence.get("id") + "/signoffs")
                    .json()) {
                stored.add(signOff.get("note").asText());
            }
        }
        rounds.get("/api/waivers")
                .json()
                .forEach(w -> stored.add(w.get("reason").asText()));
        rounds.get("/api/acknowledgements")
                .json()
                .forEach(a -> stored.add(a.get("reason").asText()));
        Set<String> missing = acknowledged.keySet().stream()
                .filter(text -> !stored.contains(text))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(Set.of(), missing, "acknowledged, in the audit log, but not served by the API");
    }

    private void signOffs(PackagedRounds rounds, String activity, AtomicBoolean running) {
        try {
            long occurrence = -1;
            for (JsonNode o : rounds.get("/api/occurrences?checklist=daily").json()) {
                if (o.get("activity").asText().equals(activity))
                    occurrence = o.get("id").asLong();
            }
            long latest = -1;
            for (JsonNode s :
                    rounds.get("/api/occurrences/" + occurrence + "/signoffs").json()) {
                latest = Math.max(latest, s.get("id").asLong());
            }
            while (running.get()) {
                String note = unique("sign-off of " + activity);
                PackagedRounds.Reply reply = latest < 0
                        ? rounds.post("/api/occurrences/" + occurrence + "/signoff", Map.of("note", note))
                        : rounds.post("/api/signoffs/" + latest + "/supersede", Map.of("note", note));
                if (reply.status() != 201) refused("sign-off refused: " + reply);
                acknowledged.put(note, latest < 0 ? "signoff.recorded" : "signoff.superseded");
                latest = reply.json().get("id").asLong();
            }
        } catch (IOException | InterruptedException e) {
            // the server was killed under the request: nothing was acknowledged
        }
    }

    private void waivers(PackagedRounds rounds, AtomicBoolean running) {
        try {
            while (running.get()) {
                String reason = unique("waiver of manual-3");
                PackagedRounds.Reply reply = rounds.post(
                        "/api/waivers",
                        Map.of(
                                "checklist",
                                "daily",
                                "activity",
                                "manual-3",
                                "reason",
                                reason,
                                "expires",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()));
                if (reply.status() != 201) refused("waiver refused: " + reply);
                acknowledged.put(reason, "waiver.requested");
            }
        } catch (IOException | InterruptedException e) {
            // killed
        }
    }

    private void acknowledgements(PackagedRounds rounds, AtomicBoolean running) {
        try {
            endActive(rounds);
            while (running.get()) {
                String reason = unique("acknowledgement of port-watch");
                PackagedRounds.Reply reply = rounds.post(
                        "/api/acknowledgements",
                        Map.of(
                                "probe",
                                ACK_PROBE,
                                "reason",
                                reason,
                                "until",
                                Instant.now().plus(1, ChronoUnit.HOURS).toString()));
                if (reply.status() == 409) {
                    // the probe has no failing result yet since the start, or the last run's was not ended
                    endActive(rounds);
                    PackagedRounds.sleep(100);
                    continue;
                }
                if (reply.status() != 201) refused("acknowledgement refused: " + reply);
                acknowledged.put(reason, "acknowledgement.created");
                PackagedRounds.Reply ended =
                        rounds.post("/api/acknowledgements/" + reply.json().get("id") + "/end", Map.of());
                if (ended.status() != 200) refused("ending an acknowledgement refused: " + ended);
            }
        } catch (IOException | InterruptedException e) {
            // killed
        }
    }

    private static void endActive(PackagedRounds rounds) throws IOException, InterruptedException {
        for (JsonNode a : rounds.get("/api/acknowledgements?active=true").json()) {
            rounds.post("/api/acknowledgements/" + a.get("id") + "/end", Map.of());
        }
    }

    private void readAudit(PackagedRounds rounds, AtomicBoolean running) {
        try {
            long after = 0;
            while (running.get()) {
                JsonNode page =
                        rounds.get("/api/audit?after=" + after + "&limit=1000").json();
                for (JsonNode entry : page) {
                    seen.put(entry.get("seq").asLong(), entry.get("hash").asText());
                    after = entry.get("seq").asLong();
                }
                if (page.isEmpty()) PackagedRounds.sleep(20);
            }
        } catch (IOException | InterruptedException | AssertionError e) {
            // killed
        }
    }

    /** Records an unexpected refusal and stops the client: the server answered, so it is not the kill's doing. */
    private void refused(String what) throws InterruptedException {
        unexpected.add(what);
        throw new InterruptedException(what);
    }

    private String unique(String what) {
        return what + " #" + counter.incrementAndGet();
    }

    private void writeChecklists() throws IOException {
        Path checklists = Files.createDirectories(home.resolve("checklists"));
        Files.writeString(checklists.resolve("inventory.yaml"), """
                targets:
                  - id: closed-port
                    address: 127.0.0.1
                """);
        List<String> daily = new ArrayList<>(List.of(
                "id: daily",
                "title: Crash test",
                "cadence: daily",
                "due: 23h59m",
                "timezone: UTC",
                "owner: operations",
                "activities:",
                "  - id: port-watch",
                "    title: A port nobody listens on",
                "    signoff: none",
                "    probes:",
                "      - type: tcp",
                "        target: closed-port",
                "        port: 1",
                "        every: 1s",
                "        confirm: 1"));
        for (int i = 1; i <= 3; i++) {
            daily.addAll(List.of("  - id: manual-" + i, "    title: Manual check " + i, "    signoff: always"));
        }
        Files.write(checklists.resolve("daily.yaml"), daily);
    }
}
