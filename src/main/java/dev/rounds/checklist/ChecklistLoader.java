package dev.rounds.checklist;

import dev.rounds.core.Sha256;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a checklist folder: {@code inventory.yaml} and one checklist per other {@code *.yaml}/{@code *.yml} file.
 * It reports every problem in the folder at once, each as {@code file:line:column: message}.
 */
public final class ChecklistLoader {

    /** The inventory's file name; {@code inventory.yml} is accepted too. */
    public static final String INVENTORY_FILE = "inventory.yaml";

    /** The sub-folder holding framework catalogs, one per file. */
    public static final String FRAMEWORKS_DIR = "frameworks";

    private static final String INVENTORY_FILE_YML = "inventory.yml";
    /** The most problems a load reports; a file that is not a checklist at all can have thousands. */
    static final int MAX_PROBLEMS = 100;

    private final ZoneId defaultZone;

    /** A loader whose checklists default to the system time zone. */
    public ChecklistLoader() {
        this(ZoneId.systemDefault());
    }

    /** A loader whose checklists default to {@code defaultZone} when they name none. */
    public ChecklistLoader(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    /** Loads and validates every file in {@code dir}; probes are checked against the types {@code catalog} knows. */
    public LoadResult load(Path dir, ProbeCatalog catalog) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(
                    dir.toString(), 1, 1, "the checklist folder " + dir.toAbsolutePath() + " does not exist"));
            return new LoadResult(null, problems, Map.of());
        }
        List<Path> paths;
        try {
            paths = filesToLoad(dir, problems);
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 1, 1, "cannot list the checklist folder: " + e.getMessage()));
            return new LoadResult(null, problems, Map.of());
        }

        Map<String, String> hashes = new TreeMap<>();
        Map<String, Node> roots = new LinkedHashMap<>();
        Map<String, Boolean> parsed = new LinkedHashMap<>();
        for (Path path : paths) {
            String name = nameIn(dir, path);
            YamlFile file = new YamlFile(name, problems);
            try {
                byte[] bytes = Files.readAllBytes(path);
                hashes.put(name, Sha256.hex(bytes));
                int before = problems.size();
                roots.put(name, compose(file, bytes));
                parsed.put(name, problems.size() == before);
            } catch (IOException e) {
                problems.add(new Problem(name, 1, 1, "cannot read the file: " + e.getMessage()));
                parsed.put(name, false);
            }
        }

        String inventoryName = inventoryName(parsed.keySet(), problems);
        Inventory inventory;
        boolean inventoryKnown = inventoryName != null && parsed.get(inventoryName);
        if (inventoryName == null) {
            inventory = new Inventory(Map.of(), List.of(), null, null);
        } else {
            YamlFile file = new YamlFile(inventoryName, problems);
            inventory = inventoryKnown
                    ? new InventoryReader(file).read(roots.get(inventoryName), hashes.get(inventoryName))
                    : new Inventory(Map.of(), List.of(), inventoryName, hashes.get(inventoryName));
        }

        List<Framework> frameworks = new ArrayList<>();
        boolean frameworksKnown = true;
        Map<String, Problem> firstFrameworkIds = new TreeMap<>();
        for (String name : parsed.keySet()) {
            if (!isFramework(name)) continue;
            if (!parsed.get(name)) {
                frameworksKnown = false;
                continue;
            }
            FrameworkReader reader = new FrameworkReader(new YamlFile(name, problems));
            Framework framework = reader.read(roots.get(name), hashes.get(name));
            if (framework == null) frameworksKnown = false;
            else frameworks.add(framework);
            checkUnique("framework", name, reader.idNode(), firstFrameworkIds, problems);
        }
        frameworks.sort(java.util.Comparator.comparing(Framework::id));
        Frameworks catalogs = new Frameworks(frameworks);

        List<Checklist> checklists = new ArrayList<>();
        Map<String, Problem> firstIds = new TreeMap<>();
        for (String name : parsed.keySet()) {
            if (name.equals(inventoryName) || isFramework(name) || !parsed.get(name)) continue;
            YamlFile file = new YamlFile(name, problems);
            ChecklistReader reader = new ChecklistReader(
                    file,
                    catalog,
                    inventory,
                    inventoryKnown,
                    new ControlRefReader(file, catalogs, frameworksKnown),
                    defaultZone);
            Checklist checklist = reader.read(roots.get(name), hashes.get(name));
            if (checklist != null) checklists.add(checklist);
            checkUnique("checklist", name, reader.idNode(), firstIds, problems);
        }
        if (!problems.isEmpty()) {
            return new LoadResult(
                    null, firstProblems(problems.stream().distinct().sorted().toList()), hashes);
        }
        return new LoadResult(new ChecklistSet(checklists, inventory, catalogs), List.of(), hashes);
    }

    /** Reports an id already used by another file of the same kind, naming where it was first. */
    private static void checkUnique(
            String kind, String name, Node idNode, Map<String, Problem> firstIds, List<Problem> problems) {
        if (!(idNode instanceof org.yaml.snakeyaml.nodes.ScalarNode id)) return;
        Problem here = new Problem(
                name, idNode.getStartMark().getLine() + 1, idNode.getStartMark().getColumn() + 1, "");
        Problem first = firstIds.putIfAbsent(id.getValue(), here);
        if (first != null) {
            problems.add(new Problem(
                    name,
                    here.line(),
                    here.column(),
                    "duplicate " + kind + " id '" + id.getValue() + "' (first in " + first.file() + ":" + first.line()
                            + ":" + first.column() + ")"));
        }
    }

    private static boolean isFramework(String name) {
        return name.startsWith(FRAMEWORKS_DIR + "/");
    }

    /** A file's name relative to the checklist folder, with {@code /} between folders on every system. */
    private static String nameIn(Path dir, Path file) {
        return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The folder's YAML files, then those of its {@code frameworks/} sub-folder. */
    private static List<Path> filesToLoad(Path dir, List<Problem> problems) throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(dir, dir, problems));
        Path frameworks = dir.resolve(FRAMEWORKS_DIR);
        if (Files.isDirectory(frameworks)) files.addAll(yamlFiles(dir, frameworks, problems));
        return files;
    }

    /**
     * File name to SHA-256 of every file {@link #load} would read, without parsing anything: cheap enough to poll.
     * A folder that does not exist or cannot be listed has no files.
     */
    public static Map<String, String> fileHashes(Path dir) {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(dir)) return hashes;
        try {
            List<Problem> outside = new ArrayList<>();
            for (Path path : filesToLoad(dir, outside)) {
                hashes.put(nameIn(dir, path), Sha256.hex(Files.readAllBytes(path)));
            }
            // Never read, but a link that appears or goes is a change.
            outside.forEach(p -> hashes.put(p.file(), "outside the folder"));
        } catch (IOException e) {
            // A file that vanished or cannot be read between listing and reading still counts as a change.
            hashes.put(dir.toString(), "unreadable: " + e.getMessage());
        }
        return hashes;
    }

    /**
     * The folder's YAML files in name order, leaving out hidden files such as editors' lock files. A name that
     * resolves outside the folder (a symbolic link to {@code /etc/passwd}, say) is a problem and is not read:
     * whatever it leads to would otherwise be quoted back in problems, responses and the audit log.
     */
    private static List<Path> yamlFiles(Path top, Path dir, List<Problem> problems) throws IOException {
        Path root = dir.toRealPath();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path path : listing.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.startsWith(".") || !(name.endsWith(".yaml") || name.endsWith(".yml"))) continue;
                name = nameIn(top, path);
                Path real;
                try {
                    real = path.toRealPath();
                } catch (IOException e) {
                    continue; // a dangling link: there is no file to load
                }
                if (!real.startsWith(root)) {
                    problems.add(
                            new Problem(
                                    name,
                                    1,
                                    1,
                                    "the file is a link that leads outside the checklist folder " + root
                                            + "; it was not read. Copy the checklist into the folder instead of linking to it"));
                } else if (Files.isRegularFile(real)) {
                    files.add(path);
                }
            }
        }
        return files;
    }

    private static List<Problem> firstProblems(List<Problem> sorted) {
        if (sorted.size() <= MAX_PROBLEMS) return sorted;
        List<Problem> first = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
        Problem last = first.get(MAX_PROBLEMS - 1);
        first.add(new Problem(
                last.file(),
                last.line(),
                last.column(),
                "and " + (sorted.size() - MAX_PROBLEMS) + " more problem(s) not listed; fix the ones above first"));
        return first;
    }

    private static String inventoryName(java.util.Set<String> names, List<Problem> problems) {
        boolean yaml = names.contains(INVENTORY_FILE);
        boolean yml = names.contains(INVENTORY_FILE_YML);
        if (yaml && yml) {
            problems.add(new Problem(
                    INVENTORY_FILE_YML,
                    1,
                    1,
                    "both " + INVENTORY_FILE + " and " + INVENTORY_FILE_YML + " exist; keep one inventory"));
        }
        if (!yaml && !yml) {
            problems.add(new Problem(
                    INVENTORY_FILE,
                    1,
                    1,
                    "the folder has no " + INVENTORY_FILE
                            + "; create one listing the targets probes run against (it may be just 'targets: []')"));
            return null;
        }
        return yaml ? INVENTORY_FILE : INVENTORY_FILE_YML;
    }

    /** The file's single YAML document as a node tree with positions, or {@code null} if empty or unreadable. */
    private static Node compose(YamlFile file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            file.problem("the file is not UTF-8 text");
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() == null
                    ? ""
                    : " (" + e.getContext()
                            + (e.getContextMark() != null && e.getContextMark() != mark
                                    ? " that starts at line "
                                            + (e.getContextMark().getLine() + 1)
                                    : "")
                            + ")";
            if (mark != null) {
                file.problem(mark, "YAML syntax error: " + problem + context);
            } else {
                file.problem("YAML syntax error: " + problem + context);
            }
            return null;
        } catch (YAMLException e) {
            file.problem("YAML error: " + e.getMessage());
            return null;
        }
    }
}
