package dev.rounds.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where notifications go and how hard Rounds tries (docs/notifications.md). Every channel is off by default. */
@ConfigMapping(prefix = "rounds.notify")
public interface NotifyConfig {

    /** How often incidents and missed occurrences are looked for; {@code off} stops the timer (tests drive it). */
    @WithDefault("30s")
    String scanInterval();

    /** How often due deliveries are sent; {@code off} stops the timer. */
    @WithDefault("5s")
    String sendInterval();

    /** How often each target's running month is checked against its {@code sla}; {@code off} stops the timer. */
    @WithDefault("15m")
    String slaInterval();

    /**
     * How far back each scan looks for missed occurrences and recoveries; older ones are never notified, so a
     * start after a long stop does not flood.
     */
    @WithDefault("24h")
    Duration lookback();

    /** The wait after a first failed attempt; it doubles with each further failure, up to an hour. */
    @WithDefault("30s")
    Duration backoff();

    /** Attempts per delivery before it is given up. */
    @WithDefault("8")
    int maxAttempts();

    /** The longest one attempt may take: connecting and waiting for the answer. */
    @WithDefault("10s")
    Duration timeout();

    /** Where people open Rounds, e.g. {@code https://rounds.example.org}, for links in notifications. */
    Optional<String> baseUrl();

    /** Webhooks by name. */
    Map<String, Webhook> webhooks();

    /** E-mail through quarkus-mailer ({@code quarkus.mailer.host}, {@code .port}, ...); off without recipients. */
    Email email();

    interface Webhook {

        /** Where the event is posted. */
        String url();

        /** The body's shape: {@code json}, {@code slack} or {@code teams}. */
        @WithDefault("json")
        WebhookFormat format();
    }

    interface Email {

        /** Recipients; no recipients, no e-mail. */
        Optional<List<String>> to();

        /** The sender address; without it, {@code quarkus.mailer.from}. */
        Optional<String> from();
    }
}
