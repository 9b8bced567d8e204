package dev.rounds.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's Markdown as a reader on GitHub sees it: README.md, ARCHITECTURE.md and everything under docs/, their
 * relative links and the anchors their headings make.
 */
final class MarkdownFiles {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("docs");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ID = Pattern.compile("\\b(?:id|name)=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private MarkdownFiles() {}

    /** README.md, ARCHITECTURE.md and every Markdown file under docs/, in a stable order. */
    static List<Path> all() {
        List<Path> files = new ArrayList<>(List.of(README, Path.of("ARCHITECTURE.md")));
        try (Stream<Path> walk = Files.walk(DOCS)) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The lines outside fenced code blocks, with inline code blanked, keyed by their 1-based line number. */
    static Map<Integer, String> prose(Path file) {
        Map<Integer, String> lines = new HashMap<>();
        boolean fenced = false;
        List<String> all = read(file);
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                lines.put(i + 1, INLINE_CODE.matcher(line).replaceAll("``"));
            }
        }
        return lines;
    }

    /** Each relative link's target (file and/or #anchor) by line; web, mail and site-absolute links are left out. */
    static Map<Integer, List<String>> relativeLinks(Path file) {
        Map<Integer, List<String>> links = new HashMap<>();
        prose(file).forEach((number, line) -> {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !target.startsWith("/")) {
                    links.computeIfAbsent(number, n -> new ArrayList<>()).add(target);
                }
            }
        });
        return links;
    }

    /** The anchors GitHub gives the file's headings (with -1, -2 for repeats), and explicit HTML ids. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : read(file)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            Matcher id = HTML_ID.matcher(line);
            while (id.find()) {
                anchors.add(id.group(1));
            }
        }
        return anchors;
    }

    /** GitHub's heading slug: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
