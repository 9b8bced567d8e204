package dev.rounds.notify;

/** The body a webhook expects. */
public enum WebhookFormat {
    /** Rounds' own: {@code {event, key, title, text, link, at, fields}}. */
    JSON,
    /** A Slack incoming webhook. */
    SLACK,
    /** A Microsoft Teams incoming webhook. */
    TEAMS
}
