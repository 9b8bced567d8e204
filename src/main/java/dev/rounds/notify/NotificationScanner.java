package dev.rounds.notify;

import dev.rounds.ack.AcknowledgementService;
import dev.rounds.core.Incident;
import dev.rounds.probe.ProbeKey;
import dev.rounds.report.rollup.Rollups;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.waiver.WaiverService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what Rounds notifies about by itself: incidents opened (and recovered, when their opening was sent) and
 * occurrences missed. An incident whose probe is acknowledged, or whose activity is waived, when it is confirmed or
 * when it is found, is recorded as suppressed instead. Every event has a key, so scanning twice sends once.
 */
@ApplicationScoped
public class NotificationScanner {

    static final String INCIDENT_OPENED = "incident-opened";
    static final String INCIDENT_RECOVERED = "incident-recovered";
    static final String OCCURRENCE_MISSED = "occurrence-missed";

    @Inject
    Clock clock;

    @Inject
    NotifyConfig config;

    @Inject
    NotificationService notifications;

    @Inject
    Rollups rollups;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    WaiverService waivers;

    /**
     * Records an event for each incident and missed occurrence not recorded yet.
     *
     * @return how many events were recorded, sent or suppressed
     */
    public int scan() {
        Instant now = clock.instant();
        // Event keys make every scan idempotent, so each looks back a fixed window: older history is neither
        // notified at start-up nor re-read on every scan of a long-running instance.
        Instant since = now.minus(config.lookback());
        return openedIncidents(now) + recoveredIncidents(since) + missedOccurrences(since);
    }

    private int openedIncidents(Instant now) {
        List<Incident> open = rollups.openIncidents();
        Set<String> recorded = recordedKeys(
                open.stream().map(i -> key(INCIDENT_OPENED, i.id())).toList());
        List<Incident> fresh = open.stream()
                .filter(incident -> !recorded.contains(key(INCIDENT_OPENED, incident.id())))
                .toList();
        if (fresh.isEmpty()) return 0;
        // Two queries say which incidents an acknowledgement or a waiver may quieten; only those are looked at one
        // by one, so an outage of a thousand targets is not four thousand queries.
        Instant earliest = fresh.stream()
                .map(Incident::confirmedAt)
                .min(Instant::compareTo)
                .orElse(now);
        Set<String> mayBeAcknowledged = acknowledgements.acknowledgedWithin(
                fresh.stream().map(Incident::probeKey).toList(), earliest, now);
        Set<String> mayBeWaived = waivers.waivedWithin(earliest, now);
        int count = 0;
        var publishing = new ArrayList<NotificationEvent>();
        for (Incident incident : fresh) {
            NotificationEvent event = opened(incident);
            ProbeKey probe = ProbeKey.parse(incident.probeKey());
            Optional<String> quiet = mayBeAcknowledged.contains(incident.probeKey())
                            || mayBeWaived.contains(probe.checklistId() + "/" + probe.activityId())
                    ? quietReason(incident, incident.confirmedAt()).or(() -> quietReason(incident, now))
                    : Optional.empty();
            if (quiet.isPresent()) {
                notifications.suppress(event, quiet.get());
            } else {
                publishing.add(event);
            }
            count++;
        }
        notifications.publishAll(publishing);
        return count;
    }

    private int recoveredIncidents(Instant since) {
        List<Incident> ended = rollups.incidentsEndedAfter(since);
        if (ended.isEmpty()) return 0;
        Set<String> opened = QuarkusTransaction.requiringNew()
                .call(() -> new HashSet<>(Notification.<Notification>list(
                                "eventKey in ?1 and suppressedReason is null",
                                ended.stream()
                                        .map(i -> key(INCIDENT_OPENED, i.id()))
                                        .toList())
                        .stream()
                        .map(n -> n.eventKey)
                        .toList()));
        Set<String> recovered = recordedKeys(
                ended.stream().map(i -> key(INCIDENT_RECOVERED, i.id())).toList());
        var publishing = new ArrayList<NotificationEvent>();
        for (Incident incident : ended) {
            if (opened.contains(key(INCIDENT_OPENED, incident.id()))
                    && !recovered.contains(key(INCIDENT_RECOVERED, incident.id()))) {
                publishing.add(recovered(incident));
            }
        }
        notifications.publishAll(publishing);
        return publishing.size();
    }

    private int missedOccurrences(Instant since) {
        List<NotificationEvent> missed = QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.<Occurrence>list(
                                "status = ?1 and dueAt > ?2 order by dueAt, id", OccurrenceStatus.MISSED, since)
                        .stream()
                        .map(this::missed)
                        .toList());
        Set<String> recorded =
                recordedKeys(missed.stream().map(NotificationEvent::key).toList());
        var publishing = new ArrayList<NotificationEvent>();
        for (NotificationEvent event : missed) {
            if (!recorded.contains(event.key())) publishing.add(event);
        }
        notifications.publishAll(publishing);
        return publishing.size();
    }

    private Optional<String> quietReason(Incident incident, Instant at) {
        ProbeKey probe = ProbeKey.parse(incident.probeKey());
        if (acknowledgements.isAcknowledged(probe, at)) {
            return Optional.of("probe " + probe + " acknowledged at " + at);
        }
        if (waivers.isWaived(probe.checklistId(), probe.activityId(), at)) {
            return Optional.of("activity " + probe.checklistId() + "/" + probe.activityId() + " waived at " + at);
        }
        return Optional.empty();
    }

    private NotificationEvent opened(Incident incident) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Probe", incident.probeKey());
        fields.put("Target", incident.targetId());
        fields.put("Since", incident.startedAt().toString());
        if (incident.message() != null) fields.put("Message", incident.message());
        return new NotificationEvent(
                INCIDENT_OPENED,
                key(INCIDENT_OPENED, incident.id()),
                "Failing: " + incident.probeKey(),
                incident.probeKey() + " is down on " + incident.targetId() + " since " + incident.startedAt()
                        + (incident.message() != null ? ": " + incident.message() : "."),
                activityLink(incident),
                incident.confirmedAt(),
                fields);
    }

    private NotificationEvent recovered(Incident incident) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Probe", incident.probeKey());
        fields.put("Target", incident.targetId());
        fields.put("Since", incident.startedAt().toString());
        fields.put("Recovered", incident.endedAt().toString());
        fields.put(
                "Down for",
                Duration.between(incident.startedAt(), incident.endedAt()).toString());
        return new NotificationEvent(
                INCIDENT_RECOVERED,
                key(INCIDENT_RECOVERED, incident.id()),
                "Recovered: " + incident.probeKey(),
                incident.probeKey() + " is up again on " + incident.targetId() + " since " + incident.endedAt() + ".",
                activityLink(incident),
                incident.endedAt(),
                fields);
    }

    private NotificationEvent missed(Occurrence o) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Checklist", o.checklistId);
        fields.put("Activity", o.activityId);
        fields.put("Period", o.periodLabel);
        fields.put("Due", o.dueAt.toString());
        return new NotificationEvent(
                OCCURRENCE_MISSED,
                key(OCCURRENCE_MISSED, o.id),
                "Missed: " + o.title,
                o.subject() + " was due at " + o.dueAt + " and is not done.",
                link(o.id),
                o.dueAt,
                fields);
    }

    /** The activity's latest occurrence, where its probes' results show. */
    private String activityLink(Incident incident) {
        if (config.baseUrl().isEmpty()) return null;
        ProbeKey probe = ProbeKey.parse(incident.probeKey());
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.latestOf(probe.checklistId(), probe.activityId())
                        .map(o -> link(o.id))
                        .orElse(null));
    }

    private String link(long occurrenceId) {
        return config.baseUrl()
                .map(base -> base.replaceAll("/+$", "") + "/occurrences/" + occurrenceId)
                .orElse(null);
    }

    private static Set<String> recordedKeys(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> new HashSet<>(Notification.existingKeys(keys)));
    }

    private static String key(String kind, long id) {
        return kind + ":" + id;
    }
}
