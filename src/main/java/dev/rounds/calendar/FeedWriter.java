package dev.rounds.calendar;

import dev.rounds.schedule.OccurrenceStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes due times as an iCalendar feed (RFC 5545): one short event at each due instant, in UTC, that does not mark
 * its holder busy. The events of the period in progress say where the occurrence stands once it is done, missed or
 * waived, so a calendar shows what is left.
 */
final class FeedWriter {

    /** How long an event lasts in the calendar: a reminder of a due time, not a meeting. */
    static final Duration LENGTH = Duration.ofMinutes(30);

    /** How often a calendar should fetch the feed again: due work changes as it is done. */
    static final Duration REFRESH = Duration.ofHours(1);

    private FeedWriter() {}

    /**
     * The feed's text.
     *
     * @param name whose due times these are: a checklist's title or an owner; the calendar is named after it
     * @param base where Rounds answers, for the links to occurrences and checklists
     * @param now when the feed is written: every event's DTSTAMP
     */
    static String write(String name, List<DueTime> due, URI base, Instant now) {
        Calendar calendar = new Calendar()
                .withProdId("-//Rounds//Due work//EN")
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", "Rounds: " + name))
                .withProperty(
                        new XProperty("X-WR-CALDESC", "When the activities of " + name + " fall due, from Rounds"))
                .withProperty(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .withProperty(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))
                .getFluentTarget();
        for (DueTime d : due) calendar.add(event(d, base, now));
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar feed " + name + " is not valid iCalendar", e);
        }
        return text.toString();
    }

    private static VEvent event(DueTime d, URI base, Instant now) {
        URI link = base.resolve(
                d.occurrenceId() != null
                        ? "occurrences/" + d.occurrenceId()
                        : "checklists#activity-" + d.checklist().id() + "-"
                                + d.activity().id());
        VEvent event = new VEvent(false);
        event.add(new Uid(d.uid()));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(d.dueAt()));
        event.add(new net.fortuna.ical4j.model.property.Duration(LENGTH));
        event.add(new Summary(summary(d)));
        event.add(new Description(description(d, link)));
        event.add(new Url(link));
        event.add(new Categories(
                new TextList(List.of("Rounds", d.checklist().id(), d.checklist().owner()))));
        event.add(new Status(Status.VALUE_CONFIRMED));
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        return event;
    }

    /** The activity's title, after where it stands when that is more than open. */
    private static String summary(DueTime d) {
        OccurrenceStatus status = d.status();
        boolean marked = status != null && status != OccurrenceStatus.OPEN && status != OccurrenceStatus.PASSING;
        if (!marked) return d.activity().title();
        String label = status.label();
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + ": "
                + d.activity().title();
    }

    private static String description(DueTime d, URI link) {
        StringBuilder text = new StringBuilder();
        if (d.activity().guidance() != null && !d.activity().guidance().isBlank()) {
            text.append(d.activity().guidance().strip()).append("\n\n");
        }
        text.append(d.checklist().title())
                .append(" (")
                .append(d.checklist().id())
                .append("), period ")
                .append(d.periodLabel())
                .append(", owner ")
                .append(d.checklist().owner());
        if (d.status() != null) text.append(", ").append(d.status().label());
        return text.append("\n").append(link).toString();
    }
}
