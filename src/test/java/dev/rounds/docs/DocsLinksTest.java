package dev.rounds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The docs hold together: every relative link in README.md, ARCHITECTURE.md and docs/ reaches a file that exists and,
 * where it names one, an anchor of that file; README.md stays a first screen, the rest lives in docs/.
 */
class DocsLinksTest {

    static final int README_MOST_LINES = 200;
    static final Path VERIFY_BUNDLE = Path.of("docs/verify-bundle.sh");
    static final List<String> AUDIENCE_PAGES =
            List.of("docs/operator.md", "docs/manager.md", "docs/auditor.md", "docs/admin.md", "ARCHITECTURE.md");

    @Test
    void everyRelativeLinkReachesAFileAndItsAnchor() {
        List<String> broken = new ArrayList<>();
        for (Path file : MarkdownFiles.all()) {
            for (Map.Entry<Integer, List<String>> line :
                    MarkdownFiles.relativeLinks(file).entrySet()) {
                for (String target : line.getValue()) {
                    String problem = problem(file, target);
                    if (problem != null) {
                        broken.add(file + ":" + line.getKey() + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), broken.stream().sorted().toList(), "broken links");
    }

    @Test
    void readmeIsAFirstScreenNotTheManual() {
        int lines = MarkdownFiles.read(MarkdownFiles.README).size();
        assertTrue(
                lines <= README_MOST_LINES,
                "README.md has " + lines + " lines; keep it under " + README_MOST_LINES
                        + " and move the rest to docs/");
    }

    @Test
    void readmeLinksEachAudiencesPageAndTheArchitecture() {
        List<String> targets = MarkdownFiles.relativeLinks(MarkdownFiles.README).values().stream()
                .flatMap(List::stream)
                .map(target -> target.replaceFirst("#.*", ""))
                .toList();
        List<String> missing =
                AUDIENCE_PAGES.stream().filter(page -> !targets.contains(page)).toList();
        assertEquals(List.of(), missing, "README.md links no page for these");
    }

    @Test
    void everyDocsPageIsLinkedFromSomewhere() {
        List<String> linked = new ArrayList<>();
        for (Path file : MarkdownFiles.all()) {
            MarkdownFiles.relativeLinks(file).values().stream()
                    .flatMap(List::stream)
                    .map(target -> target.replaceFirst("#.*", ""))
                    .filter(target -> !target.isEmpty())
                    .map(target -> file.resolveSibling(target).normalize().toString())
                    .forEach(linked::add);
        }
        List<String> orphans = MarkdownFiles.all().stream()
                .filter(file -> file.startsWith(MarkdownFiles.DOCS))
                .map(Path::toString)
                .filter(file -> !linked.contains(file))
                .toList();
        assertEquals(List.of(), orphans, "pages under docs/ that no page links to");
    }

    @Test
    void theVerificationScriptIsAFileNotACopyInTheDocs() {
        List<String> scriptLines = MarkdownFiles.read(VERIFY_BUNDLE).stream()
                .map(String::strip)
                .filter(line -> line.length() > 40)
                .toList();
        List<String> copies = MarkdownFiles.all().stream()
                .filter(file -> MarkdownFiles.read(file).stream()
                                .map(String::strip)
                                .filter(scriptLines::contains)
                                .count()
                        >= 5)
                .map(Path::toString)
                .toList();
        assertTrue(scriptLines.size() > 20, VERIFY_BUNDLE + " is the whole procedure");
        assertEquals(List.of(), copies, "pages that copy " + VERIFY_BUNDLE + " instead of linking it");
    }

    /** What is wrong with a link from a file, or null when it resolves. */
    private static String problem(Path from, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? from : from.resolveSibling(file).normalize();
        if (!Files.exists(resolved)) {
            return "no file " + resolved;
        }
        if (anchor != null && !Files.isDirectory(resolved)) {
            if (!resolved.toString().endsWith(".md")) {
                return "an anchor into a file that is not Markdown";
            }
            if (!MarkdownFiles.anchors(resolved).contains(anchor)) {
                return "no heading in " + resolved + " makes the anchor #" + anchor;
            }
        }
        return null;
    }
}
