package dev.rounds.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/install.md: one H2 folder, one instance. A second server started on the folder of a running one stops at start
 * with a message that names the folder and the holder, before it writes anything; the jar's commands still run beside
 * the server through H2's TCP server, which listens on loopback only; and a start after {@code kill -9} of the holder
 * is not refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneInstanceIT {

    /** Generous for a machine shared with other builds; the refusal came after about 15 s on two busy cores. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(90);
    /** What any instance records when it starts or stops; none of it may come from a refused start. */
    private static final Set<String> START_AND_STOP =
            Set.of("checklist.loaded", "backup.created", "rounds.started", "rounds.stopped");
    /** The state of a listening socket in /proc/net/tcp and tcp6. */
    private static final String LISTEN = "0A";

    @TempDir
    static Path home;

    private PackagedRounds rounds;

    @BeforeAll
    void startTheFirst() throws IOException {
        Path checklists = Files.createDirectories(home.resolve("checklists"));
        Files.writeString(checklists.resolve("inventory.yaml"), "targets: []\n");
        Files.writeString(checklists.resolve("daily.yaml"), """
                id: daily
                title: One instance
                cadence: daily
                due: 23h59m
                timezone: UTC
                activities:
                  - id: manual
                    title: A manual check
                    signoff: always
                """);
        rounds = new PackagedRounds(home);
        rounds.start();
    }

    @AfterAll
    void stop() {
        rounds.stop();
    }

    @Test
    @Order(1)
    void aSecondServerOnTheSameFolderStopsAtStartAndWritesNothing() throws Exception {
        List<JsonNode> before = rounds.audit();

        PackagedRounds.Command second = rounds.startAnother(REFUSAL_BOUND);

        String said = second.out() + second.err();
        assertNotEquals(0, second.exit(), said);
        assertTrue(
                said.contains("another Rounds instance (pid " + rounds.pid() + ", started ")
                        && said.contains(
                                "H2 database in " + home.resolve("data").toRealPath())
                        && said.contains("PostgreSQL (docs/several-instances.md)"),
                "the refusal does not name the holder, the folder and the way to several instances: " + said);
        assertFalse(said.contains("Listening on"), "the second opened its web server: " + said);
        assertFalse(said.contains("Exception"), "a stack trace instead of one message: " + said);
        assertEquals(200, rounds.get("/q/health/ready").status(), "the first no longer serves");
        List<JsonNode> after = rounds.audit();
        assertEquals(before, after.subList(0, before.size()), "the audit log changed under the first");
        assertEquals(
                List.of(),
                after.subList(before.size(), after.size()).stream()
                        .map(entry -> entry.get("action").asText())
                        .filter(START_AND_STOP::contains)
                        .toList(),
                "the refused start wrote to the audit log");
    }

    @Test
    @Order(2)
    void verifyStillRunsBesideTheServer() {
        PackagedRounds.Command verify = rounds.command("verify");

        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("verified "), verify.out());
    }

    @Test
    @Order(3)
    void h2sServerListensOnLoopbackOnly() throws IOException {
        Properties lock = new Properties();
        lock.load(new StringReader(Files.readString(home.resolve("data/rounds.lock.db"))));
        String server = lock.getProperty("server");
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

        List<InetAddress> listening = listeningOn(port);

        assertFalse(listening.isEmpty(), "nothing listens on H2's port " + port + " (server=" + server + ")");
        assertTrue(
                listening.stream().allMatch(InetAddress::isLoopbackAddress),
                "H2's server listens beyond loopback: " + listening);
    }

    @Test
    @Order(4)
    void afterKillNineOfTheFirstANewStartIsNotRefused() throws IOException {
        rounds.kill();

        rounds.start();

        assertTrue(
                Files.readString(home.resolve("data/rounds.instance.lock")).contains("pid=" + rounds.pid()),
                "the lock file does not name the new instance");
    }

    /** The addresses that sockets listening on {@code port} are bound to, as the Linux kernel lists them. */
    private static List<InetAddress> listeningOn(int port) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.exists(Path.of(table))) continue; // a kernel without IPv6 has no tcp6
            List<String> lines = Files.readAllLines(Path.of(table));
            // after the heading, "sl local_address rem_address st ...", an address as hex 32-bit words, little-endian
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int i = 0; i < 4; i++) bytes[word * 4 + i] = (byte) (value >>> (8 * i));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
