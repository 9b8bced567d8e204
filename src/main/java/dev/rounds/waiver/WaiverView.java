package dev.rounds.waiver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A waiver as the API and the page show it.
 *
 * @param expiresIn how long until it expires, in words ({@code 3 days}), or {@code null} once it no longer can
 * @param lastDay the last day it covers, in its checklist's zone: it expires when that day ends, so "expires
 *     2026-12-06 00:00" read as one day more than was asked for
 */
public record WaiverView(
        long id,
        String checklist,
        String activity,
        String reason,
        Instant expires,
        String state,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        String revokedBy,
        Instant revokedAt,
        String revokeNote,
        Instant expiredAt,
        String expiresIn,
        LocalDate lastDay) {

    /** The waiver with its last day in UTC; pages pass the checklist's zone. */
    public static WaiverView of(Waiver w, Instant now) {
        return of(w, now, ZoneOffset.UTC);
    }

    /** The waiver with its last day in {@code zone}, the zone of its checklist. */
    public static WaiverView of(Waiver w, Instant now, ZoneId zone) {
        boolean running =
                (w.state == WaiverState.REQUESTED || w.state == WaiverState.APPROVED) && w.expiresAt.isAfter(now);
        return new WaiverView(
                w.id,
                w.checklistId,
                w.activityId,
                w.reason,
                w.expiresAt,
                w.state.label(),
                w.requestedBy,
                w.requestedAt,
                w.decidedBy,
                w.decidedAt,
                w.decisionNote,
                w.revokedBy,
                w.revokedAt,
                w.revokeNote,
                w.expiredAt,
                running ? inWords(Duration.between(now, w.expiresAt)) : null,
                LocalDate.ofInstant(w.expiresAt.minusNanos(1), zone));
    }

    /** Whole days, or hours and minutes within the last day, rounded down. */
    static String inWords(Duration left) {
        if (left.toDays() >= 1) {
            return left.toDays() + (left.toDays() == 1 ? " day" : " days");
        }
        if (left.toHours() >= 1) {
            return left.toHours() + (left.toHours() == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, left.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
