package dev.rounds.report.sla;

import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.notify.NotificationEvent;
import dev.rounds.notify.NotificationService;
import dev.rounds.notify.NotifyConfig;
import dev.rounds.report.ReportPeriod;
import dev.rounds.report.ReportZone;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
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

    @Scheduled(every = "${rounds.notify.sla-interval:15m}", delay = 2, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.errorf(e, "checking the SLAs for breaches failed; tried again at the next interval: %s", e.getMessage());
        }
    }

    /** Publishes a notification for every target whose running month is below its objective; returns them. */
    public List<NotificationEvent> check() {
        Instant now = clock.instant();
        ReportPeriod month = ReportPeriod.monthOf(LocalDate.ofInstant(now, zone.get()), zone.get());
        var published = new ArrayList<NotificationEvent>();
        for (Target target : registry.current().inventory().targets()) {
            if (target.sla() == null || !target.enabled()) continue;
            SlaFigures figures = sla.of(target.id(), month.interval()).orElseThrow();
            if (!Boolean.TRUE.equals(figures.breached())) continue;
            NotificationEvent event = event(target, month, figures, now);
            notifications.publish(event);
            published.add(event);
        }
        return published;
    }

    private NotificationEvent event(Target target, ReportPeriod month, SlaFigures figures, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("target", target.id());
        fields.put("month", month.label());
        fields.put("availability", percent(figures.availability()));
        fields.put("objective", percent(figures.objective()));
        fields.put("unplanned downtime", figures.unplannedDowntime().toString());
        fields.put("incidents", String.valueOf(figures.incidents()));
        String link = config.baseUrl().map(base -> base.replaceAll("/+$", "") + "/reports/sla/" + target.id())
                .orElse(null);
        return new NotificationEvent(KIND, KIND + ":" + target.id() + ":" + month.label(),
                "SLA breached: " + target.id() + " at " + percent(figures.availability()) + " in " + month.label(),
                target.id() + " has been available " + percent(figures.availability()) + " of its service time in "
                        + month.label() + " so far, below its objective of " + percent(figures.objective()) + ".",
                link, now, fields);
    }

    private static String percent(Double share) {
        return share == null ? "unknown" : String.format(java.util.Locale.ROOT, "%.3f%%", share * 100);
    }
}
