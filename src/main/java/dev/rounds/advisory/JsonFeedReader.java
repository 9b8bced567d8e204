package dev.rounds.advisory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the CISA Known Exploited Vulnerabilities catalog and NVD CVE API 2.0 responses. Both keep their entries in
 * a top-level {@code vulnerabilities} array; it is streamed one entry at a time, so only one entry's tree is held.
 */
final class JsonFeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NVD_DETAIL = "https://nvd.nist.gov/vuln/detail/";

    private JsonFeedReader() {}

    static FeedDocument read(InputStream in, FeedFormat expected) throws FeedRefused {
        try (JsonParser json = JSON.getFactory().createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedRefused("the JSON document is not an object: neither a CISA KEV catalog nor an NVD CVE "
                        + "API response");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                    return entries(json, expected);
                }
                json.skipChildren();
            }
            throw new FeedRefused("the JSON document has no 'vulnerabilities' array: neither a CISA KEV catalog nor "
                    + "an NVD CVE API response");
        } catch (JsonParseException malformed) {
            throw new FeedRefused("not well-formed JSON at line "
                    + malformed.getLocation().getLineNr() + ": " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new FeedRefused("cannot read the JSON document: " + unreadable.getMessage());
        }
    }

    private static FeedDocument entries(JsonParser json, FeedFormat expected) throws IOException, FeedRefused {
        FeedFormat format = null;
        int count = 0;
        Map<String, FeedItem> items = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            JsonNode entry = json.readValueAsTree();
            FeedFormat shape = entry.has("cveID") ? FeedFormat.KEV : entry.has("cve") ? FeedFormat.NVD : null;
            if (shape == null) {
                throw new FeedRefused("vulnerabilities[" + count + "] has neither 'cveID' (CISA KEV) nor 'cve' "
                        + "(NVD CVE API 2.0)");
            }
            if (expected != FeedFormat.AUTO && expected != shape) {
                throw new FeedRefused("format " + expected.label() + " was set, but the document is " + shape.title());
            }
            if (format != null && format != shape) {
                throw new FeedRefused(
                        "vulnerabilities[" + count + "] is " + shape.title() + " in a document of " + format.title());
            }
            format = shape;
            count++;
            FeedItem item = shape == FeedFormat.KEV ? kev(entry) : nvd(entry.get("cve"));
            if (item != null) items.putIfAbsent(item.key(), item);
        }
        return new FeedDocument(format == null ? expected : format, count, new ArrayList<>(items.values()));
    }

    private static FeedItem kev(JsonNode e) {
        String cve = e.path("cveID").asText().strip();
        if (cve.isEmpty()) return null;
        String vendor = e.path("vendorProject").asText().strip();
        String product = e.path("product").asText().strip();
        String name = e.path("vulnerabilityName").asText().strip();
        return new FeedItem(
                cve,
                name.isEmpty() ? cve : cve + ": " + name,
                NVD_DETAIL + cve,
                day(e.path("dateAdded").asText()),
                vendor + " " + product + "\n" + name,
                product.isEmpty() ? List.of() : List.of(product));
    }

    private static FeedItem nvd(JsonNode cve) {
        String id = cve.path("id").asText().strip();
        if (id.isEmpty() || cve.path("vulnStatus").asText().equals("Rejected")) return null;
        StringBuilder text = new StringBuilder();
        String summary = "";
        for (JsonNode d : cve.path("descriptions")) {
            if (d.path("lang").asText().equals("en")) {
                text.append(d.path("value").asText()).append('\n');
                if (summary.isEmpty()) summary = d.path("value").asText();
            }
        }
        Set<String> products = new LinkedHashSet<>();
        for (JsonNode configuration : cve.path("configurations")) {
            for (JsonNode node : configuration.path("nodes")) {
                for (JsonNode match : node.path("cpeMatch")) {
                    // cpe:2.3:part:vendor:product:version:...; CPE writes spaces as underscores
                    String[] cpe = match.path("criteria").asText().split(":");
                    if (cpe.length < 6) continue;
                    String product = words(cpe[4]);
                    String version = cpe[5].equals("*") || cpe[5].equals("-") ? "" : " " + words(cpe[5]);
                    text.append(words(cpe[3]))
                            .append(' ')
                            .append(product)
                            .append(version)
                            .append('\n');
                    products.add(product);
                }
            }
        }
        String title = summary.length() > 200 ? summary.substring(0, 200) + "…" : summary;
        return new FeedItem(
                id,
                title.isEmpty() ? id : id + ": " + title,
                NVD_DETAIL + id,
                moment(cve.path("published").asText()),
                text.toString(),
                List.copyOf(products));
    }

    private static String words(String cpePart) {
        return cpePart.replace("\\", "").replace('_', ' ');
    }

    private static Instant day(String text) {
        try {
            return LocalDate.parse(text.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** NVD writes UTC times without a zone: {@code 2022-11-17T00:15:18.483}. */
    private static Instant moment(String text) {
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
