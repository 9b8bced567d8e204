package dev.rounds.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AdvisoryLinkTest {

    @Test
    void onlyWebAddressesAreKeptAsLinks() {
        assertEquals(
                "https://nvd.nist.gov/vuln/detail/CVE-2026-1",
                AdvisoryStore.webLink(" https://nvd.nist.gov/vuln/detail/CVE-2026-1 "));
        assertEquals("HTTP://example.org/a", AdvisoryStore.webLink("HTTP://example.org/a"));
        assertNull(AdvisoryStore.webLink("javascript:alert(document.cookie)"));
        assertNull(AdvisoryStore.webLink(" JavaScript:alert(1)"));
        assertNull(AdvisoryStore.webLink("data:text/html;base64,PHNjcmlwdD4="));
        assertNull(AdvisoryStore.webLink("https://example.org/" + "a".repeat(2000)));
        assertNull(AdvisoryStore.webLink(null));
    }
}
