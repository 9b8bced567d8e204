package dev.rounds.probe.type;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSONPath (Jayway's implementation on Jackson) as the probes use it: documents become plain Java values (Map,
 * List, String, Integer/Long/Double, Boolean), and a path that finds nothing reads as {@code null}, never as an
 * exception.
 */
final class JsonPaths {

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private JsonPaths() {}

    /**
     * The compiled path.
     *
     * @throws IllegalArgumentException naming the path and what is wrong with it
     */
    static JsonPath compile(String path) {
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException bad) {
            throw new IllegalArgumentException("invalid JSON path '" + path + "': " + bad.getMessage()
                    + " (write it like $.a.b, $.items[0].name or $.issues[*])");
        }
    }

    /**
     * The document as Java values.
     *
     * @throws IllegalArgumentException saying why the bytes are not JSON
     */
    static Object parse(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) throw new IllegalArgumentException("empty, not JSON");
        try {
            return CONFIGURATION.jsonProvider().parse(new ByteArrayInputStream(body), "UTF-8");
        } catch (InvalidJsonException notJson) {
            Throwable cause = notJson.getCause() != null ? notJson.getCause() : notJson;
            String text = cause instanceof com.fasterxml.jackson.core.JsonProcessingException parse
                    ? parse.getOriginalMessage()
                    : cause.getMessage();
            throw new IllegalArgumentException("not JSON: " + text);
        }
    }

    /** The value at the path within a parsed document or a part of it; {@code null} where there is none. */
    static Object read(Object document, JsonPath path) {
        return path.read(document, CONFIGURATION);
    }
}
