package dev.rounds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTargetsMessageCannotPageTheChannelOrDisguiseALinkInSlack() throws Exception {
        var event = new NotificationEvent(
                "incident-opened",
                "incident-opened:7",
                "web01 down",
                "answered <!channel> see <https://evil.example|your bank> & more",
                "https://rounds.test/occurrences/7",
                Instant.parse("2026-11-26T10:00:00Z"),
                Map.of("message", "<!here>"));

        JsonNode slack = json.readTree(WebhookPayloads.render(json, WebhookFormat.SLACK, event));

        String text = slack.get("blocks").get(1).get("text").get("text").asText();
        assertEquals(
                "answered &lt;!channel&gt; see &lt;https://evil.example|your bank&gt; &amp; more\n"
                        + "<https://rounds.test/occurrences/7|Open in Rounds>",
                text);
        assertEquals(
                "*message*\n&lt;!here&gt;",
                slack.get("blocks").get(2).get("fields").get(0).get("text").asText());
        assertFalse(slack.toString().contains("<!channel>"));
    }
}
