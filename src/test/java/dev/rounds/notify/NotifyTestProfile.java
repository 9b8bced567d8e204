package dev.rounds.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Three webhooks (json, slack, teams) on a recording server and e-mail to a real SMTP server (GreenMail), both on
 * loopback; timers off and the test clock on, so that tests scan, send and move time themselves; a database of its
 * own, so that what other test applications left in theirs is not notified.
 */
public class NotifyTestProfile implements QuarkusTestProfile {

    static final String TO = "ops@rounds.test";
    static final String TO_TOO = "oncall@rounds.test";
    static final String FROM = "rounds@rounds.test";

    private static GreenMail smtp;

    /** The SMTP server of the test JVM, started at first use on a free port. */
    static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
        }
        return smtp;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        RecordingWebhooks webhooks = RecordingWebhooks.get();
        Map<String, String> config = new HashMap<>();
        // A database of its own: a scan notifies every open incident and every occurrence missed since the lookback
        // began, and another application's (the shared checklist tests' schedule flows, waivers and rollups, say)
        // would crowd the outbox ahead of the tests' own events.
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:rounds-notify;DB_CLOSE_DELAY=-1");
        config.put("rounds.notify.scan-interval", "off");
        config.put("rounds.notify.send-interval", "off");
        config.put("rounds.notify.backoff", "30s");
        config.put("rounds.notify.max-attempts", "3");
        config.put("rounds.notify.timeout", "1s");
        config.put("rounds.notify.base-url", "https://rounds.test/");
        config.put("rounds.notify.webhooks.json.url", webhooks.url("/json"));
        config.put("rounds.notify.webhooks.slack.url", webhooks.url("/slack"));
        config.put("rounds.notify.webhooks.slack.format", "slack");
        config.put("rounds.notify.webhooks.teams.url", webhooks.url("/teams"));
        config.put("rounds.notify.webhooks.teams.format", "teams");
        config.put("rounds.notify.email.to", TO + "," + TO_TOO);
        config.put("rounds.notify.email.from", FROM);
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(smtp().getSmtp().getPort()));
        return config;
    }
}
