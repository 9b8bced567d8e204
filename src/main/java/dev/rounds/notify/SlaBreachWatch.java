package dev.rounds.notify;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.core.ReportZone;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.sla.SlaFigures;
import dev.rounds.report.sla.SlaService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches each target's availability over the running month against its {@code sla} and notifies once per target
 * and month when it falls below: the event key {@code sla-breached:<target>:<month>} makes a second notice of the
 * same breach impossible, whichever instance or restart finds it again.
 */
@ApplicationScoped
public class SlaBreachWatch {

    public static final String KIND = "sla-breached";
    /** The known service time a month needs before its availability is judged. */
    static final Duration MIN_KNOWN = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(SlaBreachWatch.class);

    @Inject
    SlaService sla;

    @Inject
    ChecklistRegistry registry;

    @Inject
    NotificationService notifications;

    @Inject
    NotifyConfig config;

    @Inject
    ReportZone zone;

    @Inject
    Clock clock;

    @Scheduled(
            every = "${rounds.notify.sla-interval}",
            delay = 2,
            delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.errorf(
                    e, "checking the SLAs for breaches failed; tried again at the next interval: %s", e.getMessage());
        }
    }

    /**
     * Publishes a notification for every target below its objective in the running month, or in the month just
     * ended (so a breach in its last minutes is not missed); returns them. A month with less than
     * {@link #MIN_KNOWN} of known service time is not judged yet: one failed check in its first minutes would read
     * as a breach that can never be taken back.
     */
    public List<NotificationEvent> check() {
        Instant now = clock.instant();
        ReportPeriod running = ReportPeriod.monthOf(LocalDate.ofInstant(now, zone.get()), zone.get());
        var published = new ArrayList<NotificationEvent>();
        for (ReportPeriod month : List.of(running.previous(), running)) {
            for (Target target : registry.current().inventory().targets()) {
                if (target.sla() == null || !target.enabled()) continue;
                SlaFigures figures = sla.of(target.id(), month.interval()).orElseThrow();
                if (!Boolean.TRUE.equals(figures.breached()) || known(figures).compareTo(MIN_KNOWN) < 0) continue;
                NotificationEvent event = event(target, month, figures, now);
                notifications.publish(event);
                published.add(event);
            }
        }
        return published;
    }

    private static Duration known(SlaFigures figures) {
        return figures.known();
    }

    private NotificationEvent event(Target target, ReportPeriod month, SlaFigures figures, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("target", target.id());
        fields.put("month", month.label());
        fields.put("availability", percent(figures.availability()));
        fields.put("objective", percent(figures.objective()));
        fields.put("unplanned downtime", figures.unplannedDowntime().toString());
        fields.put("incidents", String.valueOf(figures.incidents()));
        String link = config.baseUrl()
                .map(base -> base.replaceAll("/+$", "") + "/reports/sla/" + target.id())
                .orElse(null);
        return new NotificationEvent(
                KIND,
                KIND + ":" + target.id() + ":" + month.label(),
                "SLA breached: " + target.id() + " at " + percent(figures.availability()) + " in " + month.label(),
                target.id() + " has been available " + percent(figures.availability()) + " of its service time in "
                        + month.label() + " so far, below its objective of " + percent(figures.objective()) + ".",
                link,
                now,
                fields);
    }

    private static String percent(BigDecimal share) {
        return share == null
                ? "unknown"
                : share.movePointRight(2).setScale(3, RoundingMode.DOWN).toPlainString() + "%";
    }
}
