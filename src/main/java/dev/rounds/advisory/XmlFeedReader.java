package dev.rounds.advisory;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 and Atom 1.0 with the JDK's streaming parser, hardened: a document that declares a DTD is refused
 * at its {@code <!DOCTYPE>}, before any entity is declared, so neither external entities (XXE) nor nested entity
 * expansion (billion laughs) can be processed.
 */
final class XmlFeedReader {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private XmlFeedReader() {}

    static FeedDocument read(InputStream in, FeedFormat expected) throws FeedRefused {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FeedRefused("the document declares a DTD (<!DOCTYPE>); feeds with DTDs are refused, "
                            + "so no entity in it is expanded and no external entity is read");
                }
                if (event == XMLStreamConstants.START_ELEMENT) break;
            }
            if (!xml.isStartElement()) throw new FeedRefused("the XML document has no root element");
            FeedFormat format = formatOf(xml);
            if (format == null) {
                throw new FeedRefused("the XML root element <" + xml.getLocalName()
                        + "> is neither RSS 2.0 <rss> nor Atom 1.0 <feed xmlns=\"" + ATOM_NS + "\">");
            }
            if (expected != FeedFormat.AUTO && expected != format) {
                throw new FeedRefused("format " + expected.label() + " was set, but the document is " + format.title());
            }
            return entries(xml, format);
        } catch (XMLStreamException malformed) {
            String where = malformed.getLocation() == null
                    ? ""
                    : " at line " + malformed.getLocation().getLineNumber();
            throw new FeedRefused("not well-formed XML" + where + ": " + firstLine(malformed.getMessage()));
        } finally {
            close(xml);
        }
    }

    private static XMLInputFactory factory() {
        // The JDK's own implementation, not whichever one happens to be on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static FeedFormat formatOf(XMLStreamReader root) {
        String name = root.getLocalName();
        if (name.equals("rss")) return FeedFormat.RSS;
        if (name.equals("feed") && ATOM_NS.equals(root.getNamespaceURI())) return FeedFormat.ATOM;
        return null;
    }

    private static FeedDocument entries(XMLStreamReader xml, FeedFormat format) throws XMLStreamException {
        String entryName = format == FeedFormat.RSS ? "item" : "entry";
        int count = 0;
        Map<String, FeedItem> items = new LinkedHashMap<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals(entryName)
                    && isFeedElement(xml, format)) {
                count++;
                FeedItem item =
                        format == FeedFormat.RSS ? rssItem(fields(xml, format)) : atomEntry(fields(xml, format));
                if (item != null) items.putIfAbsent(item.key(), item);
            }
        }
        return new FeedDocument(format, count, new ArrayList<>(items.values()));
    }

    private static boolean isFeedElement(XMLStreamReader xml, FeedFormat format) {
        String ns = xml.getNamespaceURI();
        return format == FeedFormat.ATOM ? ATOM_NS.equals(ns) : ns == null || ns.isEmpty();
    }

    /** The text of each direct child of the entry the reader stands on; an Atom link's {@code href} as "link". */
    private static Map<String, String> fields(XMLStreamReader xml, FeedFormat format) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) return fields;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            if (!isFeedElement(xml, format)) {
                text(xml);
                continue;
            }
            String name = xml.getLocalName();
            if (format == FeedFormat.ATOM && name.equals("link")) {
                String rel = xml.getAttributeValue(null, "rel");
                String href = xml.getAttributeValue(null, "href");
                if (href != null && (rel == null || rel.equals("alternate"))) fields.putIfAbsent("link", href);
                text(xml);
            } else {
                fields.putIfAbsent(name, text(xml).strip());
            }
        }
        return fields;
    }

    /** All character data up to the end of the current element, nested elements included. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                default -> {}
            }
        }
        return text.toString();
    }

    private static FeedItem rssItem(Map<String, String> f) {
        String title = f.getOrDefault("title", "");
        String summary = f.getOrDefault("description", "");
        String key = firstPresent(f.get("guid"), f.get("link"), title);
        if (key == null) return null;
        return new FeedItem(
                key,
                title.isEmpty() ? key : title,
                f.get("link"),
                date(f.get("pubDate")),
                title + "\n" + plain(summary),
                List.of());
    }

    private static FeedItem atomEntry(Map<String, String> f) {
        String title = plain(f.getOrDefault("title", ""));
        String summary = plain(Objects.requireNonNullElse(firstPresent(f.get("summary"), f.get("content")), ""));
        String key = firstPresent(f.get("id"), f.get("link"), title);
        if (key == null) return null;
        return new FeedItem(
                key,
                title.isEmpty() ? key : title,
                f.get("link"),
                date(firstPresent(f.get("published"), f.get("updated"))),
                title + "\n" + summary,
                List.of());
    }

    /** Markup in an HTML title or summary must not count as words of the advisory. */
    private static String plain(String html) {
        return html.replaceAll("<[^>]*>", " ").strip();
    }

    private static Instant date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static String firstPresent(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) return c.strip();
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        String[] lines = message.strip().split("\n");
        return lines[lines.length - 1].replaceFirst("^Message: ", "");
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) return;
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // nothing was written; the input stream belongs to the caller
        }
    }
}
