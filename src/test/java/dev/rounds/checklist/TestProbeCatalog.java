package dev.rounds.checklist;

import dev.rounds.checklist.ProbeSchema.SettingKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The probe types checklist tests load against, shaped like the real ones: the loader must not depend on the
 * probe feature, and these tests must not change when a real probe type gains a setting. As a CDI bean it is
 * enabled only by {@link ChecklistTestProfile}, so other features' tests keep the real catalog.
 */
@Alternative
@ApplicationScoped
public class TestProbeCatalog implements ProbeCatalog {

    private final Map<String, ProbeSchema> schemas = new TreeMap<>();
    private final ProbeCatalog catalog;

    public TestProbeCatalog() {
        add(new ProbeSchema(
                "http",
                Map.of(
                        "scheme",
                        SettingKind.STRING,
                        "port",
                        SettingKind.INTEGER,
                        "path",
                        SettingKind.STRING,
                        "method",
                        SettingKind.STRING,
                        "headers",
                        SettingKind.STRING_MAP),
                Set.of(),
                Set.of("status", "response_time", "body", "json()")));
        add(new ProbeSchema(
                "tcp", Map.of("port", SettingKind.INTEGER), Set.of("port"), Set.of("connected", "connect_time")));
        add(new ProbeSchema(
                "backup",
                Map.of(
                        "paths",
                        SettingKind.STRING_LIST,
                        "max_age",
                        SettingKind.DURATION,
                        "min_size",
                        SettingKind.SIZE,
                        "recursive",
                        SettingKind.BOOLEAN),
                Set.of("paths"),
                Set.of("age", "size", "count")));
        catalog = ProbeCatalog.of(schemas);
    }

    private void add(ProbeSchema schema) {
        schemas.put(schema.type(), schema);
    }

    @Override
    public Optional<ProbeSchema> schema(String type) {
        return catalog.schema(type);
    }

    @Override
    public Set<String> types() {
        return catalog.types();
    }
}
