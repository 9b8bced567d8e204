package dev.rounds.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * How request bodies are read: a body is one JSON value and nothing after it, and an instant in it has a year
 * from {@link Years#FIRST} to {@link Years#LAST}, so that a wrong body is refused with a 400 that names the field
 * instead of failing later with a 500.
 */
@Singleton
public class JsonReading implements ObjectMapperCustomizer {

    /** The instant format a refusal shows as the example. */
    public static final String INSTANT_EXAMPLE = "2026-12-05T20:00:00Z";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("rounds-instants").addDeserializer(Instant.class, new SaneInstants()));
    }

    @Override
    public int priority() {
        // after Quarkus' own customizers, so that this module's Instant reader is the one in force
        return MINIMUM_PRIORITY;
    }

    /** Jackson's ISO-8601 instants, refused outside the years Rounds takes. */
    static final class SaneInstants extends JsonDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            Instant at = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (at != null && !Years.inRange(at)) {
                throw InvalidFormatException.from(
                        parser,
                        "must be an instant like " + INSTANT_EXAMPLE + " " + Years.RANGE + ", got '" + text + "'",
                        text,
                        Instant.class);
            }
            return at;
        }
    }
}
