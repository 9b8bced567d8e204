package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The published JSON Schemas say what the loader accepts: the same keys, required keys and defaults. */
class JsonSchemaTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/META-INF/resources/schema");
    private static final JsonNode CHECKLIST = read("checklist.schema.json");
    private static final JsonNode INVENTORY = read("inventory.schema.json");
    private static final JsonNode FRAMEWORK = read("framework.schema.json");

    @TempDir
    Path dir;

    @Test
    void bothAreDraft2020_12() {
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                CHECKLIST.get("$schema").asText());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                INVENTORY.get("$schema").asText());
    }

    @Test
    void everyMappingListsExactlyTheKeysTheLoaderAccepts() {
        assertEquals(ChecklistReader.CHECKLIST_KEYS, keys(CHECKLIST, "/properties"));
        assertEquals(ChecklistReader.ACTIVITY_KEYS, keys(CHECKLIST, "/$defs/activity/properties"));
        assertEquals(ProbeSpecReader.PROBE_KEYS, keys(CHECKLIST, "/$defs/probe/properties"));
        assertEquals(InventoryReader.INVENTORY_KEYS, keys(INVENTORY, "/properties"));
        assertEquals(InventoryReader.GROUP_KEYS, keys(INVENTORY, "/$defs/group/properties"));
        assertEquals(InventoryReader.DEFAULTS_KEYS, keys(INVENTORY, "/$defs/defaults/properties"));
        assertEquals(InventoryReader.TARGET_KEYS, keys(INVENTORY, "/$defs/target/properties"));
        assertEquals(ServiceTimeReader.MAINTENANCE_KEYS, keys(INVENTORY, "/$defs/maintenance/items/properties"));
        assertEquals(FrameworkReader.FRAMEWORK_KEYS, keys(FRAMEWORK, "/properties"));
        assertEquals(FrameworkReader.CONTROL_KEYS, keys(FRAMEWORK, "/properties/controls/items/properties"));
    }

    /** What an editor would say of the shipped files: a real JSON Schema validator finds nothing to flag. */
    @Test
    void theShippedChecklistsAndCatalogsValidateAgainstTheirSchemas() throws IOException {
        Map<String, JsonNode> schemaOf = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("checklists"))) {
            files.filter(f -> f.toString().endsWith(".yaml"))
                    .forEach(f -> schemaOf.put(f.toString(), f.endsWith("inventory.yaml") ? INVENTORY : CHECKLIST));
        }
        try (Stream<Path> files = Files.list(Path.of("checklists", ChecklistLoader.FRAMEWORKS_DIR))) {
            files.forEach(f -> schemaOf.put(f.toString(), FRAMEWORK));
        }
        assertEquals(8, schemaOf.size(), schemaOf.keySet().toString());
        var registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12);
        for (var file : schemaOf.entrySet()) {
            Object yaml = new Yaml().load(Files.readString(Path.of(file.getKey())));
            var errors = registry.getSchema(file.getValue()).validate(new ObjectMapper().valueToTree(yaml));
            assertEquals(List.of(), errors.stream().map(Object::toString).toList(), file.getKey());
        }
    }

    @Test
    void cadencesAndSignoffPoliciesAreTheLoadersNames() {
        assertEquals(
                Arrays.stream(Cadence.Builtin.values()).map(Cadence::yamlName).toList(),
                texts(CHECKLIST.at("/properties/cadence/anyOf/0/enum")));
        assertEquals(
                Arrays.stream(SignoffPolicy.values())
                        .map(SignoffPolicy::yamlName)
                        .toList(),
                texts(CHECKLIST.at("/$defs/activity/properties/signoff/enum")));
    }

    @Test
    void aFolderWithOnlyTheRequiredKeysIsValid() throws IOException {
        LoadResult result = load(minimalChecklist(), minimalInventory());
        assertEquals(List.of(), result.problems());
    }

    static Stream<Arguments> requiredKeys() {
        List<Arguments> cases = new ArrayList<>();
        texts(CHECKLIST.at("/required")).forEach(k -> cases.add(Arguments.of("checklist", k)));
        texts(CHECKLIST.at("/$defs/activity/required")).forEach(k -> cases.add(Arguments.of("activity", k)));
        texts(CHECKLIST.at("/$defs/probe/required")).forEach(k -> cases.add(Arguments.of("probe", k)));
        texts(INVENTORY.at("/$defs/target/required")).forEach(k -> cases.add(Arguments.of("target", k)));
        texts(INVENTORY.at("/$defs/maintenance/items/required"))
                .forEach(k -> cases.add(Arguments.of("maintenance", k)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} requires {1}")
    @MethodSource("requiredKeys")
    @SuppressWarnings("unchecked")
    void everyKeyTheSchemaRequiresIsRequiredByTheLoader(String mapping, String key) throws IOException {
        Map<String, Object> checklist = minimalChecklist();
        Map<String, Object> inventory = minimalInventory();
        Map<String, Object> activity = ((List<Map<String, Object>>) checklist.get("activities")).get(0);
        Map<String, Object> probe = ((List<Map<String, Object>>) activity.get("probes")).get(0);
        Map<String, Object> target = ((List<Map<String, Object>>) inventory.get("targets")).get(0);
        Map<String, Object> window = ((List<Map<String, Object>>) target.get("maintenance")).get(0);
        Map<String, Object> from = switch (mapping) {
            case "checklist" -> checklist;
            case "activity" -> activity;
            case "probe" -> probe;
            case "target" -> target;
            default -> window;
        };
        from.remove(key);
        List<String> messages = load(checklist, inventory).problems().stream()
                .map(Problem::message)
                .toList();
        assertTrue(
                messages.stream().anyMatch(m -> m.endsWith("is missing required key '" + key + "'")),
                messages.toString());
    }

    @Test
    void everyDefaultTheSchemaStatesIsTheLoadersDefault() throws IOException {
        ChecklistSet set = load(minimalChecklist(), minimalInventory()).set();
        Checklist checklist = set.checklists().get(0);
        Map<String, Function<ChecklistSet, Object>> loaded = Map.of(
                "checklist.schema.json#/properties/owner", s -> checklist.owner(),
                "checklist.schema.json#/$defs/activity/properties/enabled",
                        s -> checklist.activities().get(0).enabled(),
                "checklist.schema.json#/$defs/probe/properties/confirm",
                        s -> checklist.activities().get(0).probes().get(0).confirm(),
                "inventory.schema.json#/$defs/target/properties/enabled",
                        s -> s.inventory().targets().get(0).enabled());

        Map<String, JsonNode> stated = new LinkedHashMap<>();
        collectDefaults("checklist.schema.json#", CHECKLIST, stated);
        collectDefaults("inventory.schema.json#", INVENTORY, stated);
        assertEquals(new TreeSet<>(loaded.keySet()), new TreeSet<>(stated.keySet()), "every stated default is checked");
        stated.forEach((pointer, value) -> assertEquals(
                value.isInt()
                        ? (Object) value.asInt()
                        : value.isBoolean() ? (Object) value.asBoolean() : value.asText(),
                loaded.get(pointer).apply(set),
                pointer));
    }

    @Test
    void theExampleConditionsMatchTheSchemaPattern() {
        String pattern = CHECKLIST.at("/$defs/condition/pattern").asText();
        for (String condition :
                List.of("status == 200", "response_time < 500ms", "json($.state) == 'UP'", "body contains 'ok'")) {
            assertTrue(
                    java.util.regex.Pattern.compile(pattern).matcher(condition).find(), condition);
            ConditionParser.parse(condition);
        }
        String duration = CHECKLIST.at("/$defs/duration/pattern").asText();
        for (String text : List.of("250ms", "30s", "5m", "26h", "7d", "4d17h", "5 minutes", "17h4d", "")) {
            assertEquals(Durations.tryParse(text).isPresent(), text.matches(duration), text);
        }
    }

    @Test
    void theRuleCadencePatternTellsARuleFromOtherText() {
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile(
                CHECKLIST.at("/properties/cadence/anyOf/1/pattern").asText());
        for (String cadence : List.of(
                "rrule: FREQ=MONTHLY;BYDAY=2TU", "rrule:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "rrule: freq=daily")) {
            assertTrue(rule.matcher(cadence).find(), cadence);
        }
        for (String cadence : List.of("rrule", "rrule:", "rrule: ", "fortnightly", "FREQ=MONTHLY;BYDAY=2TU")) {
            assertFalse(rule.matcher(cadence).find(), cadence);
        }
    }

    private LoadResult load(Map<String, Object> checklist, Map<String, Object> inventory) throws IOException {
        Files.writeString(dir.resolve("daily.yaml"), new Yaml().dump(checklist));
        Files.writeString(dir.resolve("inventory.yaml"), new Yaml().dump(inventory));
        return new ChecklistLoader().load(dir, new TestProbeCatalog());
    }

    /** A checklist with only the keys the schema requires, at every level. */
    private static Map<String, Object> minimalChecklist() {
        Map<String, Object> probe = new LinkedHashMap<>(Map.of("type", "http", "target", "host01"));
        Map<String, Object> activity =
                new LinkedHashMap<>(Map.of("id", "a", "title", "A", "probes", new ArrayList<>(List.of(probe))));
        return new LinkedHashMap<>(Map.of(
                "id", "daily", "title", "Daily", "cadence", "daily", "activities", new ArrayList<>(List.of(activity))));
    }

    private static Map<String, Object> minimalInventory() {
        Map<String, Object> window = new LinkedHashMap<>(Map.of("every", "Sun 02:00", "duration", "2h"));
        Map<String, Object> target = new LinkedHashMap<>(
                Map.of("id", "host01", "address", "127.0.0.1", "maintenance", new ArrayList<>(List.of(window))));
        return new LinkedHashMap<>(Map.of("targets", new ArrayList<>(List.of(target))));
    }

    private static void collectDefaults(String pointer, JsonNode node, Map<String, JsonNode> into) {
        if (!node.isObject()) return;
        if (node.has("default")) into.put(pointer, node.get("default"));
        node.fields()
                .forEachRemaining(field -> collectDefaults(pointer + "/" + field.getKey(), field.getValue(), into));
    }

    private static Set<String> keys(JsonNode schema, String pointer) {
        JsonNode properties = schema.at(pointer);
        assertTrue(properties.isObject(), pointer);
        Set<String> keys = new TreeSet<>();
        properties.fieldNames().forEachRemaining(keys::add);
        return Set.copyOf(keys);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toList());
    }

    private static JsonNode read(String name) {
        try {
            return new ObjectMapper().readTree(SCHEMAS.resolve(name).toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
