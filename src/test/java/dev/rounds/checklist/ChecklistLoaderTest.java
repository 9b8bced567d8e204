package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistLoaderTest {

    private static final Path VALID = Path.of("src/test/resources/checklists-valid");
    private static final ZoneId SYSTEM_ZONE = ZoneId.of("America/Chicago");

    private final ChecklistLoader loader = new ChecklistLoader(SYSTEM_ZONE);

    private ChecklistSet loadValid() {
        LoadResult result = loader.load(VALID, new TestProbeCatalog());
        assertEquals(List.of(), result.problems());
        return result.set();
    }

    @Test
    void loadsEveryChecklistFileWithDefaultsApplied() {
        ChecklistSet set = loadValid();
        assertEquals(
                List.of("daily", "weekly"),
                set.checklists().stream().map(Checklist::id).toList());

        Checklist daily = set.checklist("daily").orElseThrow();
        assertEquals("Daily maintenance", daily.title());
        assertEquals(Cadence.DAILY, daily.cadence());
        assertEquals(Duration.ofHours(10), daily.due());
        assertEquals(ZoneId.of("Europe/London"), daily.timezone());
        assertEquals("operations", daily.owner());
        assertEquals("daily.yaml", daily.file());

        Checklist weekly = set.checklist("weekly").orElseThrow();
        assertEquals(Duration.ofDays(4).plusHours(17), weekly.due());
        assertEquals(SYSTEM_ZONE, weekly.timezone());
        assertEquals("infrastructure", weekly.owner());
        assertEquals("weekly.yml", weekly.file());
    }

    @Test
    void dueDefaultsToTheShortestPeriodOfTheCadence() throws Exception {
        Path dir = Files.createTempDirectory("checklists");
        Files.copy(VALID.resolve("inventory.yaml"), dir.resolve("inventory.yaml"));
        Files.writeString(dir.resolve("monthly.yaml"), """
                id: monthly
                title: Monthly
                cadence: monthly
                activities: [{ id: capacity, title: Review capacity }]
                """);
        Files.writeString(dir.resolve("quarterly.yaml"), """
                id: quarterly
                title: Quarterly
                cadence: quarterly
                activities: [{ id: dr-test, title: Disaster recovery test }]
                """);
        ChecklistSet set = loader.load(dir, new TestProbeCatalog()).set();
        assertEquals(Duration.ofDays(28), set.checklist("monthly").orElseThrow().due());
        assertEquals(
                Duration.ofDays(90), set.checklist("quarterly").orElseThrow().due());
    }

    @Test
    void activitiesKeepTheirOwnDueSignoffAndPause() {
        ChecklistSet set = loadValid();
        Checklist daily = set.checklist("daily").orElseThrow();
        Activity services = daily.activity("services-up").orElseThrow();
        assertEquals("Verify the services needed by hosts and guests are running.", services.guidance());
        assertEquals(SignoffPolicy.ON_FAILURE, services.signoff());
        assertNull(services.due());
        assertEquals(Duration.ofHours(10), daily.dueOf(services));

        Activity reachable = daily.activity("hosts-reachable").orElseThrow();
        assertEquals(Duration.ofHours(9), daily.dueOf(reachable));
        assertEquals(
                SignoffPolicy.NONE, reachable.signoff(), "an activity with probes needs no sign-off unless it says so");

        Activity tickets = daily.activity("incident-tickets").orElseThrow();
        assertTrue(tickets.isManual());
        assertEquals(SignoffPolicy.ALWAYS, tickets.signoff(), "a manual activity is signed off by a person");
        assertTrue(tickets.enabled());
        assertNull(tickets.pausedReason());

        Activity patching =
                set.checklist("weekly").orElseThrow().activity("patching").orElseThrow();
        assertFalse(patching.enabled());
        assertEquals("patch freeze until the audit ends", patching.pausedReason());
    }

    @Test
    void probesGetTheirSettingsConvertedAndConditionsParsed() {
        ChecklistSet set = loadValid();
        ProbeSpec http = set.checklist("daily")
                .orElseThrow()
                .activity("services-up")
                .orElseThrow()
                .probes()
                .get(0);
        assertEquals(0, http.index());
        assertEquals("http", http.type());
        assertEquals("rounds-self", http.targetRef());
        assertEquals(
                Map.of("path", "/q/health/live", "port", 8080, "headers", Map.of("Accept", "application/json")),
                http.settings());
        assertEquals(Duration.ofMinutes(1), http.every());
        assertEquals(Duration.ofSeconds(2), http.timeout());
        assertEquals(2, http.confirm());
        assertEquals(
                List.of("status == 200", "response_time < 500ms", "json($.status) == 'UP'"),
                http.expect().stream().map(Condition::text).toList());
        assertEquals("json($.status)", http.expect().get(2).operand().key());

        ProbeSpec backup = set.checklist("weekly")
                .orElseThrow()
                .activity("backup-review")
                .orElseThrow()
                .probes()
                .get(0);
        assertEquals(
                Map.of(
                        "paths",
                        List.of("/backup/*.bak", "/backup/*.log"),
                        "max_age",
                        Duration.ofHours(26),
                        "min_size",
                        536870912L,
                        "recursive",
                        true),
                backup.settings());
        assertNull(backup.every(), "a probe without 'every' runs once per occurrence");
        assertFalse(backup.isContinuous());
        assertEquals(1, backup.confirm());
    }

    @Test
    void groupTargetsResolveToEveryTargetInTheGroupOrBelowInInventoryOrder() {
        ChecklistSet set = loadValid();
        ProbeSpec tcp = set.checklist("daily")
                .orElseThrow()
                .activity("hosts-reachable")
                .orElseThrow()
                .probes()
                .get(0);
        assertEquals("group:datacenter", tcp.targetRef());
        assertEquals(
                List.of("host01", "host02"),
                tcp.targets().stream().map(Target::id).toList());
        assertEquals(Map.of("port", 3389), tcp.settings());
        assertEquals(3, tcp.confirm(), "both targets inherit confirm: 3 from datacenter");
    }

    @Test
    void timeoutIsTheProbesOwnElseTheTargetsGroupDefaultElseTenSeconds() {
        ChecklistSet set = loadValid();
        Checklist daily = set.checklist("daily").orElseThrow();
        ProbeSpec http = daily.activity("services-up").orElseThrow().probes().get(0);
        ProbeSpec tcp = daily.activity("hosts-reachable").orElseThrow().probes().get(0);
        Target host01 = set.inventory().target("host01").orElseThrow();
        Target self = set.inventory().target("rounds-self").orElseThrow();

        assertEquals(Duration.ofSeconds(2), http.timeoutFor(self));
        assertNull(tcp.timeout());
        assertEquals(Duration.ofSeconds(3), tcp.timeoutFor(host01), "hyperv-hosts overrides datacenter's 5s");
        assertEquals(
                ProbeSpec.DEFAULT_TIMEOUT,
                new ProbeSpec(0, "tcp", "rounds-self", List.of(self), Map.of(), null, null, 2, List.of())
                        .timeoutFor(self));
    }

    @Test
    void targetsInheritMergedGroupDefaultsMaintenanceAndServiceHours() {
        Inventory inventory = loadValid().inventory();
        assertEquals(
                List.of("rounds-self", "host01", "host02"),
                inventory.targets().stream().map(Target::id).toList());

        Group hyperv = inventory.groups().get("hyperv-hosts");
        assertEquals("datacenter", hyperv.parent());
        assertEquals(Map.of("timeout", Duration.ofSeconds(3), "confirm", 3), hyperv.defaults());
        assertEquals(List.of(), hyperv.maintenance());

        Target host01 = inventory.target("host01").orElseThrow();
        assertEquals("host01.example.internal", host01.address());
        assertEquals(List.of("hyperv-hosts"), host01.groups());
        assertEquals(new java.math.BigDecimal("0.999"), host01.sla(), "99.9% is exactly 0.999, not 0.9990000000000001");
        assertEquals(Map.of("os", "Windows Server 2008 R2", "cores", "8", "memory", "64GiB"), host01.attributes());
        assertEquals(List.of("Hyper-V", "SQL Server 2008"), host01.software());
        assertEquals(Map.of("timeout", Duration.ofSeconds(3), "confirm", 3), host01.defaults());
        assertEquals(
                List.of(new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(2))),
                host01.maintenance());
        assertEquals(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                host01.slaHours().days());
        assertEquals(Duration.ofHours(10), host01.slaHours().length());
        assertTrue(host01.slaHours().covers(DayOfWeek.FRIDAY, LocalTime.of(17, 59)));
        assertFalse(host01.slaHours().covers(DayOfWeek.FRIDAY, LocalTime.of(18, 0)));
        assertFalse(host01.slaHours().covers(DayOfWeek.SATURDAY, LocalTime.NOON));

        Target host02 = inventory.target("host02").orElseThrow();
        assertFalse(host02.enabled());
        assertEquals("decommissioned, see CHG-1234", host02.pausedReason());
        assertEquals(
                List.of(
                        new MaintenanceWindow(null, LocalTime.of(3, 30), Duration.ofMinutes(30)),
                        new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), Duration.ofHours(2))),
                host02.maintenance());
        assertEquals("Sat-Sun 00:00-24:00", host02.slaHours().text());
        assertTrue(host02.slaHours().covers(DayOfWeek.SUNDAY, LocalTime.of(23, 59, 59)));

        Target self = inventory.target("rounds-self").orElseThrow();
        assertNull(self.sla());
        assertNull(self.slaHours(), "no service hours anywhere means all hours count");
        assertEquals(Map.of(), self.defaults());
    }

    @Test
    void theFirstListedGroupWinsWhenATargetIsInSeveral(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                groups:
                  slow: { defaults: { timeout: 30s, confirm: 5 } }
                  fast: { defaults: { timeout: 1s } }
                targets:
                  - { id: a, address: a.internal, groups: [fast, slow] }
                  - { id: b, address: b.internal, groups: [slow, fast] }
                """);
        Inventory inventory = loader.load(dir, new TestProbeCatalog()).set().inventory();
        assertEquals(
                Map.of("timeout", Duration.ofSeconds(1), "confirm", 5),
                inventory.target("a").orElseThrow().defaults());
        assertEquals(
                Map.of("timeout", Duration.ofSeconds(30), "confirm", 5),
                inventory.target("b").orElseThrow().defaults());
    }

    @Test
    void recordsTheSha256OfEachFilesBytes() throws Exception {
        ChecklistSet set = loadValid();
        Map<String, String> expected = Map.of(
                "daily.yaml", sha256(VALID.resolve("daily.yaml")),
                "weekly.yml", sha256(VALID.resolve("weekly.yml")),
                "inventory.yaml", sha256(VALID.resolve("inventory.yaml")));
        assertEquals(expected, set.fileHashes());
        assertEquals(
                expected.get("daily.yaml"), set.checklist("daily").orElseThrow().sha256());
        assertEquals(expected.get("inventory.yaml"), set.inventory().sha256());
        assertTrue(expected.get("daily.yaml").matches("[0-9a-f]{64}"));
    }

    @Test
    void ignoresHiddenAndNonYamlFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), "targets: []\n");
        Files.writeString(dir.resolve(".#daily.yaml"), "not: [yaml");
        Files.writeString(dir.resolve("README.md"), "# notes");
        Files.writeString(dir.resolve("daily.yaml~"), "garbage: [");
        LoadResult result = loader.load(dir, new TestProbeCatalog());
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), result.set().checklists());
        assertEquals(Map.of("inventory.yaml", sha256(dir.resolve("inventory.yaml"))), result.files());
    }

    @Test
    void yamlAnchorsAndMergeKeysShareSettings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), """
                targets:
                  - { id: a, address: a.internal }
                  - { id: b, address: b.internal }
                """);
        Files.writeString(dir.resolve("daily.yaml"), """
                id: daily
                title: Daily
                cadence: daily
                activities:
                  - id: ports
                    title: Ports are open
                    probes:
                      - &ssh { type: tcp, target: a, port: 22, every: 1m }
                      - { <<: *ssh, target: b }
                """);
        List<ProbeSpec> probes = loader.load(dir, new TestProbeCatalog())
                .set()
                .checklists()
                .get(0)
                .activities()
                .get(0)
                .probes();
        assertEquals(
                List.of("a", "b"), probes.stream().map(ProbeSpec::targetRef).toList());
        assertEquals(Map.of("port", 22), probes.get(1).settings());
        assertEquals(Duration.ofMinutes(1), probes.get(1).every());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
