package dev.rounds.report.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * NIST's OSCAL 1.0.0 Assessment Results schema with OSCAL 1.0.4's UUID pattern, which admits version 5 UUIDs (see
 * src/test/resources/oscal/README.md), format assertions on.
 */
final class OscalSchema {

    static final String V4_ONLY =
            "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$";
    static final String V4_OR_V5 =
            "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$";
    static final int UUID_PATTERNS = 45;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OscalSchema() {}

    /** The schema file's text as NIST publishes it. */
    static String nist() {
        try (InputStream in =
                OscalSchema.class.getResourceAsStream("/oscal/oscal_assessment-results_schema-1.0.0.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as a schema, validating draft-07 with format assertions. */
    static Schema of(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_7,
                            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema the documents are checked against: 1.0.0 with 1.0.4's UUID pattern. */
    static Schema withVersion5Uuids() {
        String nist = nist();
        String escaped = JSON.valueToTree(V4_ONLY).toString();
        int uses = nist.split(Pattern.quote(escaped), -1).length - 1;
        if (uses != UUID_PATTERNS) {
            throw new IllegalStateException(
                    "expected the 1.0.0 UUID pattern " + UUID_PATTERNS + " times, found " + uses);
        }
        return of(nist.replace(escaped, JSON.valueToTree(V4_OR_V5).toString()));
    }

    /** The errors of {@code document} against {@code schema}, one line each, for an assertion message. */
    static List<String> errors(Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(Error::toString).toList();
    }
}
