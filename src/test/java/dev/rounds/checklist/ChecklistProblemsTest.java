package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake in a checklist folder, and the exact line a person gets for it. */
class ChecklistProblemsTest {

    private static final String INVENTORY = """
            groups:
              datacenter: {}
              hosts: { parent: datacenter, defaults: { timeout: 3s } }
              empty: {}
            targets:
              - id: host01
                address: 127.0.0.1
                groups: [hosts]
              - id: host02
                address: 127.0.0.2
                groups: [hosts]
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> problems() {
        return Stream.of(
                problem(
                        "YAML syntax error",
                        "daily.yaml",
                        """
                        id: daily
                        title: [Daily
                        cadence: daily
                        """,
                        "daily.yaml:3:8: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 2)"),
                problem(
                        "unknown key, with the closest known key",
                        "daily.yaml",
                        """
                        id: daily
                        titel: Daily
                        cadence: daily
                        activities:
                          - { id: a, title: A }
                        """,
                        "daily.yaml:1:1: a checklist is missing required key 'title'",
                        "daily.yaml:2:1: unknown key 'titel' in a checklist (did you mean 'title'?)"),
                problem(
                        "unknown key, with the known keys",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            colour: red
                        """,
                        "daily.yaml:7:5: unknown key 'colour' in activity 'a'; known keys: controls, due, enabled, guidance, id, probes, reason, signoff, title"),
                problem(
                        "unknown probe setting",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: http, target: host01, paht: /health }
                        """,
                        "daily.yaml:8:39: unknown key 'paht' in probe 1 of activity 'a' (did you mean 'path'?)"),
                problem(
                        "wrong type: a mapping where a list belongs",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities: { id: a }
                        """,
                        "daily.yaml:4:13: 'activities' must be a list, got a mapping"),
                problem(
                        "wrong type: text where a list belongs",
                        "daily.yaml",
                        """
                        id: daily
                        title: [Daily, maintenance]
                        cadence: daily
                        activities:
                          - { id: a, title: A }
                        """,
                        "daily.yaml:2:8: 'title' must be text, got a list"),
                problem(
                        "wrong type: confirm is not a whole number",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: tcp, target: host01, port: 22, confirm: two }
                              - { type: tcp, target: host01, port: 22, confirm: 0 }
                        """,
                        "daily.yaml:8:57: 'confirm' must be a whole number of at least 1, got 'two'",
                        "daily.yaml:9:57: 'confirm' must be a whole number of at least 1, got '0'"),
                problem(
                        "wrong type: enabled is not true or false",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - { id: a, title: A, enabled: maybe }
                        """,
                        "daily.yaml:5:33: 'enabled' must be true or false, got 'maybe'"),
                problem(
                        "wrong type: a probe setting of the wrong kind",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: tcp, target: host01, port: eighty }
                              - { type: http, target: host01, headers: [Accept] }
                              - { type: backup, target: host01, paths: /backup, min_size: 512, recursive: sometimes }
                        """,
                        "daily.yaml:8:44: 'port' must be a whole number, got 'eighty'",
                        "daily.yaml:9:48: 'headers' must be a mapping of keys to values, got a list",
                        "daily.yaml:10:48: 'paths' must be a list, got '/backup'",
                        "daily.yaml:10:67: 'min_size' must be a size like 512MiB or 10MB, got '512' (add a unit: B, KB, MB, GB, KiB, MiB or GiB)",
                        "daily.yaml:10:83: 'recursive' must be true or false, got 'sometimes'"),
                problem(
                        "wrong type: the file is a list",
                        "daily.yaml",
                        """
                        - id: daily
                        """,
                        "daily.yaml:1:1: a checklist must be a mapping of keys to values, got a list"),
                problem(
                        "unknown cadence",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: fortnightly
                        activities:
                          - { id: a, title: A }
                        """,
                        "daily.yaml:3:10: unknown cadence 'fortnightly'; use daily, weekly, monthly, quarterly or \"rrule: …\""),
                problem(
                        "unknown cadence, close to a known one",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: Daily
                        activities:
                          - { id: a, title: A }
                        """,
                        "daily.yaml:3:10: unknown cadence 'Daily' (did you mean 'daily'?)"),
                problem(
                        "malformed rrule cadence",
                        "monthly.yaml",
                        """
                        id: monthly
                        title: Monthly
                        cadence: "rrule: FREQ=MONTHLY;BYDAY=1MX"
                        activities:
                          - { id: a, title: A }
                        """,
                        "monthly.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;BYDAY=1MX': unknown day 'MX' in BYDAY; use MO, TU, WE, TH, FR, SA or SU, with a number before it for one of the month, e.g. 2TU for the second Tuesday"),
                problem(
                        "bad duration",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        due: 10 hours
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: tcp, target: host01, port: 22, every: 5 minutes, timeout: 0s }
                        """,
                        "daily.yaml:4:6: 'due' must be a duration like 30s or 5m, got '10 hours'",
                        "daily.yaml:9:55: 'every' must be a duration like 30s or 5m, got '5 minutes'",
                        "daily.yaml:9:75: 'timeout' must be longer than zero"),
                problem(
                        "due past the shortest daily period",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        due: 25h
                        activities:
                          - { id: a, title: A }
                        """,
                        "daily.yaml:4:6: 'due' of the checklist (25h) is past the end of the shortest daily period (24h)"),
                problem(
                        "due past the shortest weekly, monthly and quarterly periods",
                        Map.of(
                                "weekly.yaml", """
                                id: weekly
                                title: Weekly
                                cadence: weekly
                                activities:
                                  - { id: a, title: A, due: 7d1h }
                                """,
                                "monthly.yaml", """
                                id: monthly
                                title: Monthly
                                cadence: monthly
                                due: 29d
                                activities:
                                  - { id: a, title: A }
                                """,
                                "quarterly.yaml", """
                                id: quarterly
                                title: Quarterly
                                cadence: quarterly
                                due: 91d
                                activities:
                                  - { id: a, title: A }
                                """),
                        "monthly.yaml:4:6: 'due' of the checklist (29d) is past the end of the shortest monthly period (28d, February)",
                        "quarterly.yaml:4:6: 'due' of the checklist (91d) is past the end of the shortest quarterly period (90d, January to March)",
                        "weekly.yaml:5:29: 'due' of activity 'a' (7d1h) is past the end of the shortest weekly period (7d)"),
                problem(
                        "bad condition",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - type: http
                                target: host01
                                expect:
                                  - status = 200
                                  - "body matches 'up('"
                                  - response_time < 5 minutes
                        """,
                        "daily.yaml:11:20: invalid condition \"status = 200\": '=' is not an operator; use '==' to compare",
                        "daily.yaml:12:27: invalid condition \"body matches 'up('\": invalid regular expression 'up(': Unclosed group",
                        "daily.yaml:13:29: invalid condition \"response_time < 5 minutes\": '5 minutes' after '<' is not a value: write a number (200), duration (500ms), size (512MiB), percentage (99.5%), true/false or quoted text ('5 minutes')"),
                problem(
                        "expect is not a list of conditions",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: http, target: host01, expect: status == 200 }
                        """,
                        "daily.yaml:8:47: 'expect' must be a list, got 'status == 200'"),
                problem(
                        "unknown probe type",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: htp, target: host01 }
                              - { type: icmp, target: host01 }
                        """,
                        "daily.yaml:8:17: unknown probe type 'htp' (did you mean 'http'?); known types: backup, http, tcp",
                        "daily.yaml:9:17: unknown probe type 'icmp'; known types: backup, http, tcp"),
                problem(
                        "unknown operand for the type",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - type: http
                                target: host01
                                expect:
                                  - staus == 200
                                  - json == 1
                                  - status($.x) == 1
                                  - connected == true
                        """,
                        "daily.yaml:11:13: probe type 'http' has no operand 'staus' (did you mean 'status'?); it measures body, json(), response_time, status",
                        "daily.yaml:12:13: operand 'json' of probe type 'http' needs an argument, e.g. json($.path)",
                        "daily.yaml:13:13: operand 'status' of probe type 'http' takes no argument",
                        "daily.yaml:14:13: probe type 'http' has no operand 'connected'; it measures body, json(), response_time, status"),
                problem(
                        "missing required key",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            probes:
                              - { type: http, path: / }
                          - title: B
                        """,
                        "daily.yaml:5:5: activity 'a' is missing required key 'title'",
                        "daily.yaml:7:9: probe 1 of activity 'a' is missing required key 'target'",
                        "daily.yaml:8:5: an activity is missing required key 'id'"),
                problem(
                        "missing required setting",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - type: tcp
                                target: host01
                        """,
                        "daily.yaml:8:9: probe 1 of activity 'a' (type 'tcp') needs setting 'port'"),
                problem(
                        "missing value",
                        "daily.yaml",
                        """
                        id: daily
                        title:
                        cadence: daily
                        activities:
                        """,
                        "daily.yaml:2:1: 'title' in a checklist needs a value",
                        "daily.yaml:4:1: 'activities' in a checklist needs a value"),
                problem(
                        "empty file",
                        "daily.yaml",
                        "",
                        "daily.yaml:1:1: the file is empty; a checklist needs id, title, cadence and activities"),
                problem(
                        "no activities",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities: []
                        """,
                        "daily.yaml:4:13: 'activities' must list at least one activity"),
                problem(
                        "unknown target or group",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: tcp, target: host1, port: 22 }
                              - { type: tcp, target: "group:host", port: 22 }
                              - { type: tcp, target: hosts, port: 22 }
                        """,
                        "daily.yaml:8:30: unknown target 'host1' (did you mean 'host01'?)",
                        "daily.yaml:9:30: unknown group 'host' (did you mean 'hosts'?); groups are declared under 'groups:' in inventory.yaml",
                        "daily.yaml:10:30: unknown target 'hosts'; to probe every target of group 'hosts', write target: group:hosts"),
                problem(
                        "group without targets",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes:
                              - { type: tcp, target: "group:empty", port: 22 }
                        """,
                        "daily.yaml:8:30: group 'empty' has no targets; add targets to it in inventory.yaml or point the probe at a target"),
                problem(
                        "duplicate checklist id across files",
                        Map.of(
                                "daily.yaml", """
                                id: daily
                                title: Daily
                                cadence: daily
                                activities: [{ id: a, title: A }]
                                """,
                                "daily-copy.yaml", """
                                title: Copy
                                id: daily
                                cadence: daily
                                activities: [{ id: a, title: A }]
                                """),
                        "daily.yaml:1:5: duplicate checklist id 'daily' (first in daily-copy.yaml:2:5)"),
                problem(
                        "duplicate activity id",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - { id: a, title: A }
                          - { id: b, title: B }
                          - { id: a, title: A again }
                        """,
                        "daily.yaml:7:11: duplicate activity id 'a' (first at line 5)"),
                problem(
                        "duplicate key",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        title: Again
                        activities: [{ id: a, title: A }]
                        """,
                        "daily.yaml:4:1: duplicate key 'title' in a checklist (first at line 2)"),
                problem(
                        "duplicate target and group ids",
                        "inventory.yaml",
                        """
                        groups:
                          web: {}
                          web: { parent: web }
                        targets:
                          - { id: host01, address: a }
                          - { id: host01, address: b }
                        """,
                        "inventory.yaml:3:3: duplicate key 'web' in 'groups' (first at line 2)",
                        "inventory.yaml:6:11: duplicate target id 'host01' (first at line 5)"),
                problem(
                        "group cycle",
                        "inventory.yaml",
                        """
                        groups:
                          a: { parent: c }
                          b: { parent: a }
                          c: { parent: b }
                          d: { parent: d }
                          e: { parent: a }
                          f: { parent: nowhere }
                        targets: []
                        """,
                        "inventory.yaml:2:16: group 'a' is its own ancestor: a -> c -> b -> a; a group's parent chain must end at a group without a parent",
                        "inventory.yaml:5:16: group 'd' is its own ancestor: d -> d; a group's parent chain must end at a group without a parent",
                        "inventory.yaml:7:16: unknown parent group 'nowhere' of group 'f'"),
                problem(
                        "activity without probes must be signed off always",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - { id: a, title: A, signoff: none }
                          - { id: b, title: B, signoff: on-failure }
                          - { id: c, title: C, signoff: sometimes }
                        """,
                        "daily.yaml:5:33: activity 'a' has no probes, so only a person can prove it was done: its signoff must be 'always', got 'none'",
                        "daily.yaml:6:33: activity 'b' has no probes, so only a person can prove it was done: its signoff must be 'always', got 'on-failure'",
                        "daily.yaml:7:33: unknown signoff 'sometimes'; use none, on-failure or always"),
                problem(
                        "paused without a reason",
                        Map.of(
                                "daily.yaml", """
                                id: daily
                                title: Daily
                                cadence: daily
                                activities:
                                  - { id: a, title: A, enabled: false }
                                """,
                                "inventory.yaml", """
                                targets:
                                  - { id: host01, address: a, enabled: false, reason: "" }
                                """),
                        "daily.yaml:5:33: activity 'a' is paused (enabled: false) but gives no 'reason'; say why, e.g. reason: decommissioned, see CHG-1234",
                        "inventory.yaml:2:40: target 'host01' is paused (enabled: false) but gives no 'reason'; say why, e.g. reason: decommissioned, see CHG-1234"),
                problem(
                        "bad timezone",
                        "daily.yaml",
                        """
                        id: daily
                        title: Daily
                        cadence: daily
                        timezone: Europe/Lodnon
                        activities: [{ id: a, title: A }]
                        """,
                        "daily.yaml:4:11: unknown timezone 'Europe/Lodnon' (did you mean 'Europe/London'?); use an IANA name like Europe/London or UTC"),
                problem(
                        "missing inventory.yaml",
                        withoutInventory("""
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - id: a
                            title: A
                            probes: [{ type: tcp, target: host01, port: 22 }]
                        """),
                        "inventory.yaml:1:1: the folder has no inventory.yaml; create one listing the targets probes run against (it may be just 'targets: []')"),
                problem(
                        "bad ids",
                        "daily.yaml",
                        """
                        id: Daily
                        title: Daily
                        cadence: daily
                        activities: [{ id: Backup_Review, title: A }]
                        """,
                        "daily.yaml:1:5: checklist id 'Daily' must use lowercase letters, digits and dashes, e.g. daily",
                        "daily.yaml:4:20: activity id 'Backup_Review' must use lowercase letters, digits and dashes, e.g. backup-review"),
                problem(
                        "inventory: bad targets",
                        "inventory.yaml",
                        """
                        groups:
                          web: { defaults: { timeout: fast, retries: 3 } }
                        targets:
                          - id: host01
                            address: a
                            groups: [webb]
                            sla: 99.9
                          - id: host02
                            groups: [web]
                            maintenance:
                              - { every: "Sunday 2am", duration: 2h }
                              - { every: "Sun 02:00", duration: 8d }
                              - { every: "02:00", duration: 25h }
                              - { every: "Sun 02:00" }
                            sla_hours: "weekdays 8-6"
                          - id: host03
                            address: c
                            sla_hours: "Mon-Fri 18:00-08:00"
                            attributes: { tags: [a, b] }
                        """,
                        "inventory.yaml:2:31: 'timeout' must be a duration like 30s or 5m, got 'fast'",
                        "inventory.yaml:2:37: unknown key 'retries' in the defaults of group 'web'; known keys: confirm, timeout",
                        "inventory.yaml:6:14: unknown group 'webb' in target 'host01' (did you mean 'web'?)",
                        "inventory.yaml:7:10: 'sla' must be a percentage above 0% and at most 100%, like 99.9%, got '99.9'",
                        "inventory.yaml:8:5: target 'host02' is missing required key 'address'",
                        "inventory.yaml:11:18: maintenance 'every' must be a day and time like 'Sun 02:00', or a time like '02:00' for every day, got 'Sunday 2am'",
                        "inventory.yaml:12:41: a weekly maintenance window lasts at most 7d, got 8d",
                        "inventory.yaml:13:37: a daily maintenance window lasts at most 24h, got 25h",
                        "inventory.yaml:14:9: a maintenance window of target 'host02' is missing required key 'duration'",
                        "inventory.yaml:15:16: 'sla_hours' must be days and hours like 'Mon-Fri 08:00-18:00', got 'weekdays 8-6'",
                        "inventory.yaml:18:16: 'sla_hours' must end after they start, got 'Mon-Fri 18:00-08:00' (hours across midnight are not supported; split them, or use 00:00-24:00)",
                        "inventory.yaml:19:25: 'attributes' maps names to text; 'tags' is a list"),
                problem(
                        "targets disagree on confirm",
                        Map.of(
                                "inventory.yaml", """
                                groups:
                                  all: {}
                                  careful: { parent: all, defaults: { confirm: 5 } }
                                targets:
                                  - { id: a, address: a, groups: [careful] }
                                  - { id: b, address: b, groups: [all] }
                                """,
                                "daily.yaml", """
                                id: daily
                                title: Daily
                                cadence: daily
                                activities:
                                  - id: a
                                    title: A
                                    probes: [{ type: tcp, target: "group:all", port: 22 }]
                                """),
                        "daily.yaml:7:35: the targets of group:all inherit different 'confirm' defaults (a: 5, b: 2); write 'confirm' on the probe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsEveryProblemAsFileLineColumnMessage(String kind, Map<String, String> files, List<String> expected)
            throws Exception {
        LoadResult result = load(files);
        assertNull(result.set(), "a folder with problems yields no configuration");
        assertEquals(expected, result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void reportsEveryProblemOfTheFolderAtOnceInFileAndLineOrder() {
        LoadResult result =
                new ChecklistLoader().load(Path.of("src/test/resources/checklists-broken"), new TestProbeCatalog());
        assertFalse(result.isValid());
        assertEquals(
                List.of(
                        "daily.yaml:9:17: unknown target 'host1' (did you mean 'host01'?)",
                        "daily.yaml:10:16: 'every' must be a duration like 30s or 5m, got '5 minutes'",
                        "daily.yaml:12:20: invalid condition \"status = 200\": '=' is not an operator; use '==' to compare"),
                result.problems().stream().map(Problem::toString).toList());
        assertEquals(
                List.of("daily.yaml", "inventory.yaml"),
                List.copyOf(result.files().keySet()),
                "the hashes of a rejected folder are kept, so that an unchanged folder is not reloaded again");
    }

    @Test
    void oneBrokenFileRejectsTheWholeFolder() throws Exception {
        LoadResult result = load(Map.of(
                "daily.yaml", """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities: [{ id: a, title: A }]
                        """,
                "weekly.yaml", """
                        id: weekly
                        title: Weekly
                        cadence: weekly
                        activities: [{ id: a, title: A, due: 8d }]
                        """));
        assertNull(result.set());
        assertEquals(
                List.of(
                        "weekly.yaml:4:38: 'due' of activity 'a' (8d) is past the end of the shortest weekly period (7d)"),
                result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void anUnreadableInventoryDoesNotMakeEveryTargetLookUnknown() throws Exception {
        LoadResult result = load(Map.of(
                "inventory.yaml", "targets: [ { id: host01 ]\n",
                "daily.yaml", """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities:
                          - { id: a, title: A, probes: [{ type: tcp, target: host01, port: 22 }] }
                        """));
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals("inventory.yaml", result.problems().get(0).file());
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblem() throws Exception {
        load(Map.of());
        Files.write(dir.resolve("daily.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        LoadResult result = new ChecklistLoader().load(dir, new TestProbeCatalog());
        assertEquals(
                List.of("daily.yaml:1:1: the file is not UTF-8 text"),
                result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aMissingFolderIsOneProblem() {
        LoadResult result = new ChecklistLoader().load(dir.resolve("nowhere"), new TestProbeCatalog());
        assertEquals(1, result.problems().size());
        assertEquals(
                "the checklist folder " + dir.resolve("nowhere").toAbsolutePath() + " does not exist",
                result.problems().get(0).message());
    }

    private LoadResult load(Map<String, String> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("inventory.yaml", INVENTORY);
        all.putAll(files);
        for (var file : all.entrySet()) {
            if (file.getValue() != null) Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        return new ChecklistLoader().load(dir, new TestProbeCatalog());
    }

    private static Arguments problem(String kind, String file, String content, String... expected) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(file, content);
        return Arguments.of(kind, files, List.of(expected));
    }

    private static Map<String, String> withoutInventory(String daily) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("inventory.yaml", null);
        files.put("daily.yaml", daily);
        return files;
    }

    private static Arguments problem(String kind, Map<String, String> files, String... expected) {
        return Arguments.of(kind, files, List.of(expected));
    }
}
