package dev.rounds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rounds.checklist.ProbeCatalog;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.checklist.TestProbeCatalog;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class RoundsMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(ProbeCatalog catalog, String... args) {
        return RoundsMain.validate(
                List.of(args),
                catalog,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aValidFolderPrintsWhatItHoldsAndExitsZero() {
        assertEquals(0, validate(new TestProbeCatalog(), "src/test/resources/checklists-valid"));
        assertEquals(List.of("2 checklists, 5 activities, 3 probes, 3 targets: valid"), lines(out));
        assertEquals(List.of(), lines(err));
    }

    @Test
    void aFolderWithProblemsPrintsEachAsFileLineColumnAndExitsOne() {
        assertEquals(1, validate(new TestProbeCatalog(), "src/test/resources/checklists-broken"));
        assertEquals(
                List.of(
                        "daily.yaml:9:17: unknown target 'host1' (did you mean 'host01'?)",
                        "daily.yaml:10:16: 'every' must be a duration like 30s or 5m, got '5 minutes'",
                        "daily.yaml:12:20: invalid condition \"status = 200\": '=' is not an operator; use '==' to compare"),
                lines(err));
        assertEquals(List.of(), lines(out));
    }

    @Test
    void aMissingFolderExitsTwo() {
        assertEquals(2, validate(new TestProbeCatalog(), "src/test/resources/no-such-folder"));
        assertEquals(
                List.of("validate: checklist folder "
                        + Path.of("src/test/resources/no-such-folder").toAbsolutePath() + " does not exist"),
                lines(err));
    }

    @Test
    void moreThanOneFolderIsAUsageError() {
        assertEquals(2, validate(new TestProbeCatalog(), "a", "b"));
        assertEquals(List.of("usage: validate [dir]"), lines(err));
    }

    @Test
    void probeTypesFoundByTheServiceLoaderBecomeTheCatalog() {
        TestProbeCatalog schemas = new TestProbeCatalog();
        List<ProbeType> types = schemas.types().stream()
                .map(t -> probeType(schemas.schema(t).orElseThrow()))
                .toList();
        ProbeCatalog catalog = RoundsMain.catalogOf(types);
        assertEquals(Set.of("backup", "http", "tcp"), catalog.types());
        assertEquals(Set.of("port"), catalog.schema("tcp").orElseThrow().required());

        assertEquals(0, validate(catalog, "src/test/resources/checklists-valid"));
    }

    @Test
    void twoProbeTypesWithOneNameAreRefused() {
        ProbeSchema tcp = new TestProbeCatalog().schema("tcp").orElseThrow();
        var error = assertThrows(
                IllegalStateException.class, () -> RoundsMain.catalogOf(List.of(probeType(tcp), probeType(tcp))));
        assertEquals(
                "two probe types are named 'tcp': " + probeType(tcp).getClass().getName()
                        + " and another registered before it",
                error.getMessage());
    }

    /** A probe type that only describes itself: validate never runs a probe. */
    private static ProbeType probeType(ProbeSchema schema) {
        return new ProbeType() {
            @Override
            public ProbeSchema schema() {
                return schema;
            }

            @Override
            public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
                return CompletableFuture.failedFuture(new IllegalStateException("validate must not run probes"));
            }
        };
    }
}
