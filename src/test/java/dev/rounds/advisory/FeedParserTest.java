package dev.rounds.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.text.SuppliedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four feed formats as published, and the XML attacks a feed could carry. */
class FeedParserTest {

    static final Path FIXTURES = Path.of("/work/shared/fixtures");

    private static FeedDocument parse(String fixture, FeedFormat format) throws IOException, FeedRefused {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            return FeedParser.parse(in, format);
        }
    }

    private static FeedDocument parseText(String text) throws FeedRefused {
        return FeedParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FeedFormat.AUTO);
    }

    @Test
    void rssItemsAreKeyedByLinkWithoutDuplicates() throws Exception {
        FeedDocument rss = parse("advisories-rss.xml", FeedFormat.AUTO);
        assertEquals(FeedFormat.RSS, rss.format());
        assertEquals(10, rss.count());
        assertEquals(6, rss.items().size(), "GHSA-4vq8 twice and GHSA-v23v four times count once each");
        FeedItem first = rss.items().get(0);
        assertEquals("https://github.com/advisories/GHSA-4vq8-7jfc-9cvp", first.key());
        assertEquals("Moby firewalld reload removes bridge network isolation", first.title());
        assertEquals(Instant.parse("2025-08-14T14:40:42Z"), first.published());
        assertTrue(first.text().contains("Docker Engine"), "the description is part of the matched text");
    }

    @Test
    void atomEntriesKeepTheirIdLinkAndPlainText() throws Exception {
        FeedDocument atom = parse("advisories-atom.xml", FeedFormat.ATOM);
        assertEquals(FeedFormat.ATOM, atom.format());
        assertEquals(10, atom.count());
        assertEquals(9, atom.items().size(), "GHSA-x8qh-7475-c5mp is in the feed twice");
        FeedItem first = atom.items().get(0);
        assertEquals("https://github.com/advisories/GHSA-7x23-j8gv-v54x", first.key());
        assertEquals("https://github.com/advisories/GHSA-7x23-j8gv-v54x", first.link());
        assertTrue(first.title().startsWith("[github.com/ctfer-io/monitoring]"), first.title());
        assertEquals(Instant.parse("2026-03-13T20:58:28Z"), first.published());
        assertFalse(first.text().contains("<h3"), "HTML markup is not matched as words");
    }

    @Test
    void aFeedTitleWithALoneSurrogateOrNulIsStoredWithReplacementCharacters() throws Exception {
        String kev = Files.readString(FIXTURES.resolve("kev.json"))
                .replace("\"Git Link Following Vulnerability\"", "\"Git \\ud800 Link\\u0000 Following\\udc00\"");

        FeedItem first = parseText(kev).items().get(0);

        assertTrue(first.title().contains("Git \uFFFD Link\uFFFD Following\uFFFD"), first.title());
        assertTrue(first.text().contains("Git \uFFFD Link\uFFFD Following\uFFFD"), first.text());
        assertTrue(SuppliedText.isAllowed(first.title()));
    }

    @Test
    void kevEntriesAreCvesWithTheirProducts() throws Exception {
        FeedDocument kev = parse("kev.json", FeedFormat.AUTO);
        assertEquals(FeedFormat.KEV, kev.format());
        assertEquals(60, kev.count());
        assertEquals(60, kev.items().size());
        FeedItem sql = kev.items().stream()
                .filter(i -> i.key().equals("CVE-2020-0618"))
                .findFirst()
                .orElseThrow();
        assertEquals("SQL Server", sql.products().get(0));
        assertEquals("https://nvd.nist.gov/vuln/detail/CVE-2020-0618", sql.link());
        FeedItem windows = kev.items().stream()
                .filter(i -> i.key().equals("CVE-2024-38080"))
                .findFirst()
                .orElseThrow();
        assertEquals("Windows", windows.products().get(0), "the upstream trailing space is dropped");
    }

    @Test
    void nvdCvesCarryTheirCpeProductsAndRejectedOnesAreLeftOut() throws Exception {
        FeedDocument nvd = parse("nvd-cves.json", FeedFormat.NVD);
        assertEquals(FeedFormat.NVD, nvd.format());
        assertEquals(5, nvd.count());
        assertEquals(4, nvd.items().size(), "CVE-2022-44577 is rejected");
        FeedItem bitbucket = nvd.items().get(0);
        assertEquals("CVE-2022-43781", bitbucket.key());
        assertTrue(
                bitbucket.products().contains("bitbucket"), bitbucket.products().toString());
        assertEquals(Instant.parse("2022-11-17T00:15:18.483Z"), bitbucket.published());
    }

    @Test
    void aFormatThatDoesNotFitTheDocumentIsRefused() {
        FeedRefused refused = assertThrows(FeedRefused.class, () -> parse("kev.json", FeedFormat.NVD));
        assertTrue(
                refused.getMessage().contains("format nvd was set, but the document is CISA KEV JSON"),
                refused.getMessage());
        assertThrows(FeedRefused.class, () -> parse("advisories-atom.xml", FeedFormat.RSS));
    }

    @Test
    void anExternalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>
                """.formatted(secret.toUri());
        FeedRefused refused = assertThrows(FeedRefused.class, () -> parseText(xxe));
        assertTrue(refused.getMessage().contains("declares a DTD"), refused.getMessage());
        assertFalse(refused.getMessage().contains("TOP-SECRET"), refused.getMessage());
    }

    @Test
    void aBillionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE feed [" + dtd + "]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id><title>&lol9;</title></entry></feed>";
        FeedRefused refused = assertThrows(FeedRefused.class, () -> parseText(bomb));
        assertTrue(refused.getMessage().contains("declares a DTD"), refused.getMessage());
    }

    @Test
    void anUndeclaredEntityIsNotWellFormed() {
        FeedRefused refused = assertThrows(
                FeedRefused.class,
                () -> parseText("<rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>"));
        assertTrue(refused.getMessage().startsWith("not well-formed XML at line 1"), refused.getMessage());
    }

    @Test
    void somethingElseIsRefusedWithWhatItIs() {
        assertEquals(
                "the document is neither XML nor JSON (it starts with 'H')",
                assertThrows(FeedRefused.class, () -> parseText("Hello")).getMessage());
        assertTrue(assertThrows(FeedRefused.class, () -> parseText("<html><body/></html>"))
                .getMessage()
                .contains("<html> is neither RSS 2.0"));
        assertTrue(assertThrows(FeedRefused.class, () -> parseText("{\"data\": []}"))
                .getMessage()
                .contains("no 'vulnerabilities' array"));
    }
}
