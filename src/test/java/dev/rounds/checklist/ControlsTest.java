package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.ProbeTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activities name the controls they implement; validate checks every reference against the catalogs. */
class ControlsTest {

    private static final String NIST = """
            id: nist-800-53r5
            title: NIST SP 800-53 Rev. 5
            controls:
              - { id: CP-9, title: System Backup, family: Contingency Planning }
              - { id: CP-9(1), title: Testing for Reliability and Integrity }
              - { id: SI-4, title: System Monitoring }
            """;
    private static final String ISO = """
            id: iso27001-2022
            title: ISO/IEC 27001:2022 Annex A
            controls:
              - { id: A.8.13 }
              - { id: A.8.16 }
            """;

    @TempDir
    Path dir;

    @Test
    void anActivityImplementsItsChecklistsControlsAndItsOwnEachOnce() throws Exception {
        LoadResult result = load(Map.of("daily.yaml", """
                        id: daily
                        title: Daily
                        cadence: daily
                        controls: [nist-800-53r5:SI-4]
                        activities:
                          - { id: backups, title: Backups, controls: [nist-800-53r5:CP-9, "iso27001-2022:A.8.13", nist-800-53r5:SI-4] }
                          - { id: watch, title: Watch }
                        """));
        assertEquals(List.of(), result.problems());
        Checklist daily = result.set().checklist("daily").orElseThrow();
        assertEquals(
                List.of("nist-800-53r5:SI-4", "nist-800-53r5:CP-9", "iso27001-2022:A.8.13"),
                daily.activity("backups").orElseThrow().controls().stream()
                        .map(ControlRef::toString)
                        .toList());
        assertEquals(
                List.of(new ControlRef("nist-800-53r5", "SI-4")),
                daily.activity("watch").orElseThrow().controls());
        Frameworks frameworks = result.set().frameworks();
        assertEquals(List.of("iso27001-2022", "nist-800-53r5"), frameworks.ids());
        assertEquals(
                "System Backup",
                frameworks
                        .control(new ControlRef("nist-800-53r5", "CP-9"))
                        .orElseThrow()
                        .title());
        assertEquals(
                "",
                frameworks
                        .control(new ControlRef("iso27001-2022", "A.8.13"))
                        .orElseThrow()
                        .title());
        assertEquals(
                "frameworks/nist-800-53r5.yaml",
                frameworks.framework("nist-800-53r5").orElseThrow().file());
    }

    @Test
    void unknownFrameworksControlsAndMalformedReferencesAreReportedWhereWritten() throws Exception {
        LoadResult result = load(Map.of("daily.yaml", """
                        id: daily
                        title: Daily
                        cadence: daily
                        controls: [nist-800-53-r5:CP-9]
                        activities:
                          - id: backups
                            title: Backups
                            controls:
                              - nist-800-53r5:CP-09
                              - CP-9
                              - cobit:APO01
                              - { framework: nist }
                              - "iso27001-2022:"
                              - nist-800-53r5:SI-04
                        """));
        assertNull(result.set());
        assertEquals(
                List.of(
                        "daily.yaml:4:12: unknown framework 'nist-800-53-r5' in 'nist-800-53-r5:CP-9' (did you mean"
                                + " 'nist-800-53r5'?); the catalogs in frameworks/ are iso27001-2022, nist-800-53r5",
                        "daily.yaml:9:9: framework 'nist-800-53r5' (frameworks/nist-800-53r5.yaml) has no control"
                                + " 'CP-09' (did you mean 'CP-9'?)",
                        "daily.yaml:10:9: control reference 'CP-9' of activity 'backups' must be framework:id, e.g."
                                + " nist-800-53r5:CP-9",
                        "daily.yaml:11:9: unknown framework 'cobit' in 'cobit:APO01'; the catalogs in frameworks/ are"
                                + " iso27001-2022, nist-800-53r5",
                        "daily.yaml:12:9: 'controls' of activity 'backups' must list framework:id references, got a"
                                + " mapping in it",
                        "daily.yaml:13:9: control reference 'iso27001-2022:' of activity 'backups' must be"
                                + " framework:id, e.g. nist-800-53r5:CP-9",
                        "daily.yaml:14:9: framework 'nist-800-53r5' (frameworks/nist-800-53r5.yaml) has no control"
                                + " 'SI-04' (did you mean 'SI-4'?)"),
                result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aBrokenCatalogIsReportedInItsFileAndItsReferencesAreNotReportedTwice() throws Exception {
        LoadResult result = load(Map.of(
                "frameworks/nist-800-53r5.yaml",
                """
                        id: nist-800-53r5
                        title: NIST
                        controls:
                          - { id: CP-9 }
                          - { id: CP-9 }
                          - { id: "CP 10", title: Recovery }
                          - { id: SI-4, name: Monitoring }
                        """,
                "frameworks/copy.yaml",
                ISO.replace("iso27001-2022", "nist-800-53r5"),
                "daily.yaml",
                """
                        id: daily
                        title: Daily
                        cadence: daily
                        activities: [{ id: a, title: A, controls: [nist-800-53r5:CP-9, nist-800-53r5:XX-1] }]
                        """));
        assertNull(result.set());
        assertEquals(
                List.of(
                        "frameworks/nist-800-53r5.yaml:1:5: duplicate framework id 'nist-800-53r5' (first in"
                                + " frameworks/copy.yaml:1:5)",
                        "frameworks/nist-800-53r5.yaml:5:11: duplicate control id 'CP-9' (first at line 4)",
                        "frameworks/nist-800-53r5.yaml:6:11: control id 'CP 10' must use letters, digits, dots,"
                                + " dashes and parentheses, e.g. CP-9(1) or A.8.13",
                        "frameworks/nist-800-53r5.yaml:7:17: unknown key 'name' in a control; known keys: family, id,"
                                + " title"),
                result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aChangedCatalogIsAChangeToTheFolder() throws Exception {
        load(Map.of("daily.yaml", "id: daily\ntitle: D\ncadence: daily\nactivities: [{ id: a, title: A }]\n"));
        Map<String, String> before = ChecklistLoader.fileHashes(dir);
        assertTrue(before.containsKey("frameworks/nist-800-53r5.yaml"), before.toString());
        Files.writeString(dir.resolve("frameworks/nist-800-53r5.yaml"), NIST + "  - { id: SI-5 }\n");
        assertFalse(before.equals(ChecklistLoader.fileHashes(dir)));
    }

    @Test
    void theDefaultPackMapsEveryActivityToNistAndIsoControlsThatHaveTitles() {
        LoadResult result = new ChecklistLoader().load(Path.of("checklists"), new ProbeTypes());
        assertEquals(List.of(), result.problems());
        ChecklistSet pack = result.set();
        assertEquals(
                List.of("iso27001-2022", "nist-800-53r5", "soc2-2017"),
                pack.frameworks().ids());
        for (Checklist checklist : pack.checklists()) {
            for (Activity activity : checklist.activities()) {
                String where = checklist.id() + "/" + activity.id();
                assertTrue(
                        activity.controls().stream().anyMatch(c -> c.framework().equals("nist-800-53r5")),
                        where + " has no NIST control");
                assertTrue(
                        activity.controls().stream().anyMatch(c -> c.framework().equals("iso27001-2022")),
                        where + " has no ISO control");
                for (ControlRef ref : activity.controls()) {
                    assertFalse(
                            pack.frameworks().control(ref).orElseThrow().title().isBlank(),
                            where + " references " + ref + ", whose title the shipped catalog leaves empty");
                }
            }
        }
        assertEquals(
                93,
                pack.frameworks()
                        .framework("iso27001-2022")
                        .orElseThrow()
                        .controls()
                        .size());
        assertEquals(
                "cp-9.1", new Control("CP-9(1)", "", "").oscalId(), "enhancements as NIST's OSCAL catalogs name them");
    }

    private LoadResult load(Map<String, String> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("inventory.yaml", "targets: []\n");
        all.put("frameworks/nist-800-53r5.yaml", NIST);
        all.put("frameworks/iso27001-2022.yaml", ISO);
        all.putAll(files);
        for (var file : all.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return new ChecklistLoader().load(dir, new TestProbeCatalog());
    }
}
