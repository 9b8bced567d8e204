package dev.rounds.notify;

import static dev.rounds.AuditTrail.actorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.rounds.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Notifications end to end against real servers on loopback: webhooks in Rounds' JSON, Slack's and Teams' shapes,
 * e-mail through a real SMTP server, retries with backoff under the test clock, a hung webhook cut off by the
 * timeout, and the scan of incidents and missed occurrences sending each event once, or not at all when the probe
 * is acknowledged or its activity waived. Ids are this test's own: the database outlives a test application.
 */
@QuarkusTest
@TestProfile(NotifyTestProfile.class)
class NotificationTest {

    private static final List<String> WEBHOOKS = List.of("/json", "/slack", "/teams");
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    TestClock clock;

    @Inject
    NotificationService notifications;

    @Inject
    NotificationScanner scanner;

    @Inject
    NotificationSender sender;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private final RecordingWebhooks webhooks = RecordingWebhooks.get();

    @Test
    void eachWebhookGetsItsOwnShape() throws Exception {
        NotificationEvent event = event("shapes");
        notifications.publish(event);
        sender.sendDue();

        JsonNode generic = json.readTree(only("/json", event.key()));
        assertEquals("test-event", generic.get("event").asText());
        assertEquals(event.key(), generic.get("key").asText());
        assertEquals(event.title(), generic.get("title").asText());
        assertEquals(event.text(), generic.get("text").asText());
        assertEquals("https://rounds.test/occurrences/1", generic.get("link").asText());
        assertEquals(event.at().toString(), generic.get("at").asText());
        assertEquals("db01", generic.get("fields").get("Target").asText());

        JsonNode slack = json.readTree(only("/slack", event.key()));
        assertTrue(slack.get("text").asText().startsWith(event.title()), slack.toString());
        assertEquals("header", slack.get("blocks").get(0).get("type").asText());
        assertEquals(
                event.title(),
                slack.get("blocks").get(0).get("text").get("text").asText());
        assertEquals(
                "mrkdwn", slack.get("blocks").get(1).get("text").get("type").asText());
        assertEquals(
                "*Target*\ndb01",
                slack.get("blocks").get(2).get("fields").get(0).get("text").asText());

        JsonNode teams = json.readTree(only("/teams", event.key()));
        assertEquals("MessageCard", teams.get("@type").asText());
        assertEquals("http://schema.org/extensions", teams.get("@context").asText());
        assertEquals(event.title(), teams.get("summary").asText());
        JsonNode facts = teams.get("sections").get(0).get("facts");
        assertEquals("Target", facts.get(1).get("name").asText());
        assertEquals("db01", facts.get(1).get("value").asText());
        assertEquals(
                "https://rounds.test/occurrences/1",
                teams.get("potentialAction")
                        .get(0)
                        .get("targets")
                        .get(0)
                        .get("uri")
                        .asText());

        assertEquals(List.of("system", "system", "system", "system"), actorsOf("notification.sent", event.key()));
    }

    @Test
    void aStormOfEventsIsSentByOneSendNotAHundredAtATime() {
        List<NotificationEvent> storm = new ArrayList<>();
        for (int i = 0; i < 30; i++) storm.add(event("storm-" + i));
        notifications.publishAll(storm);
        notifications.publishAll(storm);

        sender.sendDue();

        for (NotificationEvent event : storm) {
            for (String path : WEBHOOKS)
                assertEquals(1, webhooks.bodies(path, event.key()).size(), path);
        }
    }

    @Test
    void publishingAKeyTwiceSendsOnce() {
        NotificationEvent event = event("twice");
        notifications.publish(event);
        notifications.publish(event);
        sender.sendDue();
        sender.sendDue();
        for (String path : WEBHOOKS)
            assertEquals(1, webhooks.bodies(path, event.key()).size(), path);
    }

    @Test
    void publishersRacingWithTheSameKeyRecordItOnceAndNoneFails() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                NotificationEvent event = event("race" + round);
                var start = new java.util.concurrent.CountDownLatch(1);
                var racers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < 4; i++) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        notifications.publish(event);
                        return null;
                    }));
                }
                start.countDown();
                for (var racer : racers) racer.get();
                assertEquals(
                        4,
                        QuarkusTransaction.requiringNew()
                                .call(() -> due(event.key()))
                                .size(),
                        "one delivery per channel, once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoSendersFindingTheSameDueDeliveryClaimItOnce() {
        NotificationEvent event = event("claimed");
        notifications.publish(event);
        // Two instances read the same due rows before either claims them: only the first claim holds.
        List<NotificationDelivery> first = QuarkusTransaction.requiringNew().call(() -> due(event.key()));
        List<NotificationDelivery> second = QuarkusTransaction.requiringNew().call(() -> due(event.key()));
        Instant until = clock.instant().plusSeconds(60);
        assertEquals(4, first.size(), "one delivery per configured channel");
        for (int i = 0; i < first.size(); i++) {
            NotificationDelivery mine = first.get(i);
            NotificationDelivery theirs = second.get(i);
            assertTrue(QuarkusTransaction.requiringNew().call(() -> mine.claim(until)));
            assertFalse(QuarkusTransaction.requiringNew().call(() -> theirs.claim(until)));
        }
        sender.sendDue();
        for (String path : WEBHOOKS)
            assertEquals(0, webhooks.bodies(path, event.key()).size(), "claimed: " + path);
    }

    private List<NotificationDelivery> due(String key) {
        return NotificationDelivery.findDue(clock.instant(), 1000).stream()
                .filter(d -> d.notification.eventKey.equals(key))
                .toList();
    }

    @Test
    void emailReachesEveryRecipientThroughARealSmtpServer() throws Exception {
        NotificationEvent event = event("mail");
        notifications.publish(event);
        sender.sendDue();

        String subject = "[Rounds] " + event.title();
        List<MimeMessage> received = Arrays.stream(NotifyTestProfile.smtp().getReceivedMessages())
                .filter(m -> subjectOf(m).equals(subject))
                .toList();
        assertEquals(2, received.size(), "one copy per recipient");
        MimeMessage mail = received.get(0);
        assertEquals(NotifyTestProfile.FROM, mail.getFrom()[0].toString());
        assertEquals(
                List.of(NotifyTestProfile.TO, NotifyTestProfile.TO_TOO),
                Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString)
                        .toList());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains(event.text()), body);
        assertTrue(body.contains("Target: db01"), body);
        assertTrue(body.contains("https://rounds.test/occurrences/1"), body);
        assertEquals(1, delivery(event.key(), "email").attempts);
    }

    @Test
    void aServerFailingTwiceGetsThreeAttemptsSpacedByTheBackoff() {
        NotificationEvent event = event("flaky");
        webhooks.script(event.key(), 500, 500, 500, 500, 500, 500);
        notifications.publish(event);
        sender.sendDue();
        assertEquals(1, webhooks.bodies("/json", event.key()).size());

        clock.advance(Duration.ofSeconds(29));
        sender.sendDue();
        assertEquals(1, webhooks.bodies("/json", event.key()).size(), "30 s backoff after the first failure");
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertEquals(2, webhooks.bodies("/json", event.key()).size());

        clock.advance(Duration.ofSeconds(59));
        sender.sendDue();
        assertEquals(2, webhooks.bodies("/json", event.key()).size(), "60 s backoff after the second failure");
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        clock.advance(Duration.ofHours(1));
        sender.sendDue();

        for (String path : WEBHOOKS)
            assertEquals(3, webhooks.bodies(path, event.key()).size(), path);
        NotificationDelivery d = delivery(event.key(), "webhook:json");
        assertEquals(3, d.attempts);
        assertNotNull(d.deliveredAt);
        assertNull(d.givenUpAt);
        assertEquals(4, actorsOf("notification.sent", event.key()).size(), "once per channel");
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpAfterMaxAttempts() {
        NotificationEvent event = event("down");
        webhooks.script(event.key(), 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        notifications.publish(event);
        for (int i = 0; i < 5; i++) {
            sender.sendDue();
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(3, webhooks.bodies("/json", event.key()).size(), "max-attempts is 3 in this profile");
        NotificationDelivery d = delivery(event.key(), "webhook:json");
        assertNotNull(d.givenUpAt);
        assertNull(d.deliveredAt);
        assertEquals("webhook:json answered HTTP 503", d.lastError);
        assertEquals(3, actorsOf("notification.failed", event.key()).size(), "the three webhooks");
        assertEquals(1, actorsOf("notification.sent", event.key()).size(), "the e-mail");
    }

    @Test
    void aHungServerIsCutOffByTheTimeoutAndRetried() {
        NotificationEvent event = event("hung");
        webhooks.script(event.key(), RecordingWebhooks.HANG);
        notifications.publish(event);
        long started = System.nanoTime();
        sender.sendDue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the 1 s timeout cut it off, took " + took);

        NotificationDelivery hung = delivery(event.key(), "webhook:json");
        assertEquals(1, hung.attempts);
        assertNull(hung.deliveredAt);
        assertTrue(hung.lastError.contains("did not answer within 1000 ms"), hung.lastError);

        clock.advance(Duration.ofSeconds(30));
        sender.sendDue();
        NotificationDelivery retried = delivery(event.key(), "webhook:json");
        assertEquals(2, retried.attempts);
        assertNotNull(retried.deliveredAt);
    }

    @Test
    void anIncidentScannedTwiceIsSentOnceAndItsRecoveryOnce() throws SQLException {
        String probe = "nt-check" + SEQ.incrementAndGet() + "/services#0@db01";
        long id = insertIncident(probe, "connection refused");
        String key = "incident-opened:" + id;
        scanner.scan();
        scanner.scan();
        sender.sendDue();
        List<String> sent = webhooks.bodies("/json", key);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).contains("connection refused"), sent.get(0));
        assertTrue(sent.get(0).contains(probe), sent.get(0));

        endIncident(id);
        scanner.scan();
        scanner.scan();
        sender.sendDue();
        assertEquals(1, webhooks.bodies("/json", "incident-recovered:" + id).size());
    }

    @Test
    void anAcknowledgedProbeSendsNothing() throws SQLException {
        String probe = "nt-check" + SEQ.incrementAndGet() + "/services#0@db01";
        execute(
                "INSERT INTO acknowledgement (probe_key, actor, reason, created_at, until_at) VALUES (?, ?, ?, ?, ?)",
                probe,
                "nt-operator",
                "known, vendor ticket open",
                at(clock.instant().minus(Duration.ofHours(1))),
                at(clock.instant().plus(Duration.ofHours(4))));
        long id = insertIncident(probe, "disk full");
        assertSuppressed("incident-opened:" + id, "acknowledged");

        endIncident(id);
        scanner.scan();
        sender.sendDue();
        assertEquals(0L, webhooks.count("incident-recovered:" + id), "no recovery for an opening never sent");
    }

    @Test
    void aWaivedActivitysIncidentSendsNothing() throws SQLException {
        String checklist = "nt-check" + SEQ.incrementAndGet();
        Instant now = clock.instant();
        execute(
                "INSERT INTO waiver (checklist_id, activity_id, reason, expires_at, state, requested_by, requested_at,"
                        + " decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checklist,
                "services",
                "decommissioning",
                at(now.plus(Duration.ofDays(2))),
                "APPROVED",
                "nt-operator",
                at(now.minus(Duration.ofDays(1))),
                "nt-manager",
                at(now.minus(Duration.ofHours(20))));
        long id = insertIncident(checklist + "/services#0@db01", "timed out");
        assertSuppressed("incident-opened:" + id, "waived");
    }

    @Test
    void aMissedOccurrenceIsNotifiedOnceAndOldOnesNotAtAll() throws SQLException {
        String checklist = "nt-check" + SEQ.incrementAndGet();
        long recent = insertMissed(checklist, "tapes", clock.instant().minus(Duration.ofHours(2)));
        long old = insertMissed(checklist, "review", clock.instant().minus(Duration.ofDays(3)));
        scanner.scan();
        scanner.scan();
        sender.sendDue();
        List<String> sent = webhooks.bodies("/json", "occurrence-missed:" + recent);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).contains("https://rounds.test/occurrences/" + recent), sent.get(0));
        assertEquals(0L, webhooks.count("occurrence-missed:" + old), "due before the lookback");
    }

    private void assertSuppressed(String key, String reason) {
        scanner.scan();
        sender.sendDue();
        assertEquals(0L, webhooks.count(key));
        Notification n = QuarkusTransaction.requiringNew()
                .call(() -> Notification.findByKey(key).orElseThrow());
        assertTrue(n.suppressedReason.contains(reason), n.suppressedReason);
        assertEquals(0L, (long)
                QuarkusTransaction.requiringNew().call(() -> NotificationDelivery.count("notification.eventKey", key)));
        assertEquals(List.of("system"), actorsOf("notification.suppressed", key));
    }

    private NotificationEvent event(String name) {
        return new NotificationEvent(
                "test-event",
                "test:" + name + ":" + System.nanoTime(),
                "Test " + name,
                "Something happened to " + name + ".",
                "https://rounds.test/occurrences/1",
                clock.instant(),
                Map.of("Target", "db01"));
    }

    private String only(String path, String key) {
        List<String> bodies = webhooks.bodies(path, key);
        assertEquals(1, bodies.size(), path);
        return bodies.get(0);
    }

    private static NotificationDelivery delivery(String key, String channel) {
        return QuarkusTransaction.requiringNew()
                .call(() -> NotificationDelivery.<NotificationDelivery>find(
                                "notification.eventKey = ?1 and channel = ?2", key, channel)
                        .singleResult());
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insertIncident(String probe, String message) throws SQLException {
        Instant now = clock.instant();
        String[] parts = probe.split("[/#@]");
        return insert(
                "INSERT INTO incident (target_id, probe_key, checklist_id, activity_id, continuous, started_at,"
                        + " confirmed_at, message) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?)",
                parts[3],
                probe,
                parts[0],
                parts[1],
                at(now.minus(Duration.ofMinutes(3))),
                at(now),
                message);
    }

    private void endIncident(long id) throws SQLException {
        execute("UPDATE incident SET ended_at = ? WHERE id = ?", at(clock.instant()), id);
    }

    private long insertMissed(String checklist, String activity, Instant due) throws SQLException {
        return insert(
                "INSERT INTO occurrence (checklist_id, activity_id, period_label, cadence, period_start,"
                        + " period_end, due_at, title, signoff_policy, has_probes, checklist_sha256, status, opened_at)"
                        + " VALUES (?, ?, ?, 'daily', ?, ?, ?, ?, 'ALWAYS', FALSE, ?, 'MISSED', ?)",
                checklist,
                activity,
                due.toString().substring(0, 10),
                at(due.minus(Duration.ofHours(10))),
                at(due.plus(Duration.ofHours(14))),
                at(due),
                "Change the backup tape",
                "0".repeat(64),
                at(due.minus(Duration.ofHours(10))));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            ps.executeUpdate();
        }
    }

    private long insert(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                return keys.getLong(1);
            }
        }
    }
}
