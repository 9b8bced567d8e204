package dev.rounds.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a {@code controls:} list of {@code framework:id} references and checks each against the catalogs. */
final class ControlRefReader {

    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<=\\D)0+(?=\\d)");

    private final YamlFile file;
    private final Frameworks frameworks;
    private final boolean frameworksKnown;

    /**
     * @param frameworksKnown {@code false} when a framework file could not be read, so that its references would
     *     look unknown: they are then checked only for their form rather than reported twice over
     */
    ControlRefReader(YamlFile file, Frameworks frameworks, boolean frameworksKnown) {
        this.file = file;
        this.frameworks = frameworks;
        this.frameworksKnown = frameworksKnown;
    }

    /** The references written under {@code controls}, empty if the key is absent; problems are reported. */
    List<ControlRef> read(YamlFields fields, String what) {
        List<ControlRef> refs = new ArrayList<>();
        List<Node> items = fields.has("controls") ? fields.list("controls") : null;
        if (items == null) return refs;
        for (Node item : items) {
            ControlRef ref = read(item, what);
            if (ref != null && !refs.contains(ref)) refs.add(ref);
        }
        return refs;
    }

    private ControlRef read(Node item, String what) {
        if (!(item instanceof ScalarNode scalar) || YamlFile.isNull(item)) {
            file.problem(
                    item,
                    "'controls' of " + what + " must list framework:id references, got " + YamlFile.describe(item)
                            + " in it");
            return null;
        }
        String written = scalar.getValue().strip();
        int colon = written.indexOf(':');
        if (colon <= 0 || colon == written.length() - 1) {
            file.problem(
                    item,
                    "control reference " + Problem.quote(written) + " of " + what
                            + " must be framework:id, e.g. nist-800-53r5:CP-9");
            return null;
        }
        ControlRef ref = new ControlRef(
                written.substring(0, colon).strip(),
                written.substring(colon + 1).strip());
        if (!frameworksKnown) return ref;
        Framework framework = frameworks.framework(ref.framework()).orElse(null);
        if (framework == null) {
            file.problem(
                    item,
                    "unknown framework '" + ref.framework() + "' in " + Problem.quote(written)
                            + Suggestions.didYouMean(ref.framework(), frameworks.ids())
                            + (frameworks.all().isEmpty()
                                    ? "; there are no catalogs in " + ChecklistLoader.FRAMEWORKS_DIR + "/"
                                    : "; the catalogs in " + ChecklistLoader.FRAMEWORKS_DIR + "/ are "
                                            + String.join(", ", frameworks.ids())));
            return null;
        }
        if (framework.control(ref.control()).isEmpty()) {
            file.problem(
                    item,
                    "framework '" + framework.id() + "' (" + framework.file() + ") has no control '" + ref.control()
                            + "'" + suggestion(framework, ref.control()));
            return null;
        }
        return ref;
    }

    /**
     * The control meant: the same id without zero padding first ({@code SI-02} is NIST's {@code SI-2} as OSCAL
     * labels print it, not {@code SI-12}, which is as few typos away), else the closest id.
     */
    private static String suggestion(Framework framework, String written) {
        String unpadded = LEADING_ZEROS.matcher(written).replaceAll("");
        if (!unpadded.equals(written) && framework.control(unpadded).isPresent()) {
            return " (did you mean '" + unpadded + "'?)";
        }
        return Suggestions.didYouMean(
                written, framework.controls().stream().map(Control::id).toList());
    }
}
