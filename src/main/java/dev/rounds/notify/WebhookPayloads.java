package dev.rounds.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The body of one event for each webhook format. */
final class WebhookPayloads {

    /** Slack shows at most ten fields in a section block. */
    private static final int SLACK_MAX_FIELDS = 10;

    private WebhookPayloads() {}

    static String render(ObjectMapper json, WebhookFormat format, NotificationEvent event) {
        ObjectNode body = switch (format) {
            case JSON -> generic(json, event);
            case SLACK -> slack(json, event);
            case TEAMS -> teams(json, event);
        };
        return body.toString();
    }

    private static ObjectNode generic(ObjectMapper json, NotificationEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event.kind());
        body.put("key", event.key());
        body.put("title", event.title());
        body.put("text", event.text());
        body.put("link", event.link());
        body.put("at", event.at().toString());
        ObjectNode fields = body.putObject("fields");
        event.fields().forEach(fields::put);
        return body;
    }

    /**
     * A Slack incoming-webhook message: {@code text} is the fallback shown in notifications, {@code blocks} the
     * message itself (Block Kit header, section with mrkdwn text, section with fields, context).
     * See https://api.slack.com/messaging/webhooks and https://api.slack.com/reference/block-kit/blocks.
     */
    private static ObjectNode slack(ObjectMapper json, NotificationEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("text", mrkdwn(event.title() + ": " + event.text()));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", event.title());
        String text = mrkdwn(event.text()) + (event.link() == null ? "" : "\n<" + event.link() + "|Open in Rounds>");
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", text);
        if (!event.fields().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            event.fields().entrySet().stream()
                    .limit(SLACK_MAX_FIELDS)
                    .forEach(f -> fields.addObject()
                            .put("type", "mrkdwn")
                            .put("text", "*" + mrkdwn(f.getKey()) + "*\n" + mrkdwn(f.getValue())));
        }
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", event.kind() + " · " + event.at() + " · " + mrkdwn(event.key()));
        return body;
    }

    /**
     * Text as Slack shows it rather than reads it: a probe's message comes from the target, and {@code <!channel>}
     * or {@code <https://…|…>} in it would page everyone or disguise a link. Slack asks for these three escaped.
     */
    static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A Microsoft Teams incoming-webhook message as a legacy actionable MessageCard ({@code @type}, {@code @context},
     * {@code summary}, {@code title}, {@code text}, {@code sections[].facts}, {@code potentialAction} OpenUri), the
     * format Teams connectors accept. See
     * https://learn.microsoft.com/en-us/outlook/actionable-messages/message-card-reference and
     * https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using.
     */
    private static ObjectNode teams(ObjectMapper json, NotificationEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("@type", "MessageCard");
        body.put("@context", "http://schema.org/extensions");
        body.put("summary", event.title());
        body.put("themeColor", "C0392B");
        body.put("title", event.title());
        body.put("text", event.text());
        ObjectNode section = body.putArray("sections").addObject();
        section.put("activitySubtitle", event.kind() + " at " + event.at());
        ArrayNode facts = section.putArray("facts");
        facts.addObject().put("name", "Event").put("value", event.key());
        for (Map.Entry<String, String> f : event.fields().entrySet()) {
            facts.addObject().put("name", f.getKey()).put("value", f.getValue());
        }
        if (event.link() != null) {
            ObjectNode open = body.putArray("potentialAction").addObject();
            open.put("@type", "OpenUri").put("name", "Open in Rounds");
            open.putArray("targets").addObject().put("os", "default").put("uri", event.link());
        }
        return body;
    }
}
