package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rejected checklist folder echoes back: bounded quotes, and nothing of a file outside the folder. */
class ChecklistEchoTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private void inventory() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), "targets: []\n");
    }

    private LoadResult load() {
        return new ChecklistLoader().load(dir, new TestProbeCatalog());
    }

    @Test
    void aLinkLeadingOutsideTheFolderIsRefusedWithoutBeingRead() throws Exception {
        inventory();
        Path secret = Files.writeString(
                elsewhere.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        Files.createSymbolicLink(dir.resolve("zz.yaml"), secret);

        LoadResult result = load();

        assertEquals(
                List.of("zz.yaml:1:1: the file is a link that leads outside the checklist folder " + dir.toRealPath()
                        + "; it was not read. Copy the checklist into the folder instead of linking to it"),
                result.problems().stream().map(Problem::toString).toList());
        assertFalse(result.files().containsKey("zz.yaml"), "its content was not hashed either");
        assertFalse(ChecklistLoader.fileHashes(dir).get("zz.yaml").contains("root"), "polling does not read it");
    }

    @Test
    void aLinkToAFileInsideTheFolderIsRead() throws Exception {
        inventory();
        Files.writeString(dir.resolve("daily.yaml.txt"), """
                id: daily
                title: Daily
                cadence: daily
                activities:
                  - { id: a, title: A }
                """);
        Files.createSymbolicLink(dir.resolve("daily.yaml"), dir.resolve("daily.yaml.txt"));

        LoadResult result = load();

        assertTrue(result.isValid(), result.problems().toString());
        assertTrue(result.files().containsKey("daily.yaml"));
    }

    @Test
    void aMegabyteScalarIsQuotedInAtMostTwoHundredCharacters() throws Exception {
        inventory();
        Files.writeString(dir.resolve("daily.yaml"), """
                id: daily
                title: Daily
                cadence: daily
                activities:
                  - id: a
                    title: A
                    due: %s
                """.formatted("9".repeat(1024 * 1024)));

        LoadResult result = load();

        assertEquals(1, result.problems().size(), result.problems().toString());
        String problem = result.problems().get(0).toString();
        assertTrue(problem.length() < 2 * Problem.MAX_QUOTE + 100, problem.length() + " characters");
        assertTrue(problem.contains("'" + "9".repeat(Problem.MAX_QUOTE - 1) + "\u2026'"), problem);
    }

    @Test
    void aMessageIsOneLineOfAtMostFiveHundredCharacters() {
        Problem problem = new Problem("daily.yaml", 1, 1, "first line\nsecond " + "y".repeat(10_000));
        assertEquals(Problem.MAX_MESSAGE, problem.message().length());
        assertTrue(problem.message().startsWith("first line\uFFFDsecond yyy"), problem.message());
        assertTrue(problem.message().endsWith("y\u2026"));
    }

    @Test
    void aFileThatIsNoChecklistAtAllGivesAtMostAHundredProblems() throws Exception {
        inventory();
        StringBuilder yaml = new StringBuilder("id: daily\ntitle: Daily\ncadence: daily\nactivities:\n");
        for (int i = 0; i < 500; i++) yaml.append("  - { id: a").append(i).append(", title: A, every: nonsense }\n");
        Files.writeString(dir.resolve("daily.yaml"), yaml);

        List<Problem> problems = load().problems();

        assertEquals(ChecklistLoader.MAX_PROBLEMS + 1, problems.size());
        assertTrue(
                problems.get(ChecklistLoader.MAX_PROBLEMS)
                        .message()
                        .matches("and \\d+ more problem\\(s\\) not" + " listed; fix the ones above first"),
                problems.get(ChecklistLoader.MAX_PROBLEMS).message());
    }
}
