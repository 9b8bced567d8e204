package dev.rounds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.checklist.ProbeSchema;
import dev.rounds.probe.ProbeTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each probe type has its page, docs/probes/TYPE.md, which names every setting and operand the type accepts (as
 * {@code `name`}), so that a setting added to a type cannot stay undocumented.
 */
class ProbeDocsTest {

    static final Path PROBES = Path.of("docs/probes");

    @Test
    void everyProbeTypeHasAPageNamingItsSettingsAndOperands() {
        ProbeTypes types = new ProbeTypes();
        List<String> problems = new ArrayList<>();
        for (String type : types.types()) {
            Path page = PROBES.resolve(type + ".md");
            if (!Files.exists(page)) {
                problems.add(type + ": no page " + page);
                continue;
            }
            String text = String.join("\n", MarkdownFiles.read(page));
            ProbeSchema schema = types.schema(type).orElseThrow();
            Stream.concat(schema.settings().keySet().stream(), schema.operands().stream())
                    .filter(name -> !name.equals(ProbeSchema.ANY_NAME))
                    .map(name -> name.replace("()", ""))
                    .filter(name -> !text.contains("`" + name) && !text.contains(name + ":"))
                    .sorted()
                    .forEach(name -> problems.add(type + ": " + page + " does not name `" + name + "`"));
        }
        assertEquals(List.of(), problems);
    }
}
