package dev.rounds.report.oscal;

import dev.rounds.core.Interval;

/**
 * The UUIDs of one document's parts, version 5 in {@link NameUuid#ROUNDS}: an observation or finding is named by its
 * period and its item, so the same item of the same period keeps its UUID from one revision of the document to the
 * next, as OSCAL asks; a subject (an activity) by its item alone.
 */
final class Uuids {

    private final String period;

    Uuids(Interval period) {
        this.period = OscalJson.time(period.from()) + "/" + OscalJson.time(period.to());
    }

    /** The UUID of {@code kind} {@code item} in this period, e.g. {@code observation}, {@code daily/backups}. */
    String of(String kind, String item) {
        return NameUuid.v5(NameUuid.ROUNDS, kind + ":" + period + ":" + item).toString();
    }

    /** The UUID of {@code kind} {@code item} whatever the period, e.g. the activity a subject names. */
    static String always(String kind, String item) {
        return NameUuid.v5(NameUuid.ROUNDS, kind + ":" + item).toString();
    }
}
