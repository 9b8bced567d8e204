package dev.rounds.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open span of time {@code [from, to)}. */
public record Interval(Instant from, Instant to) {

    public Interval {
        if (to.isBefore(from))
            throw new IllegalArgumentException("interval ends before it starts: " + from + " > " + to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean isEmpty() {
        return from.equals(to);
    }

    /**
     * This interval as far as {@code now}: cut there when it runs past it, empty at its start when it has not begun.
     * Figures of a running period count only the time that has passed.
     */
    public Interval until(Instant now) {
        if (!now.isBefore(to)) return this;
        return new Interval(from, now.isAfter(from) ? now : from);
    }

    /** The part of this interval inside {@code other}, or {@code null} if they do not overlap. */
    public Interval intersection(Interval other) {
        Instant start = from.isAfter(other.from) ? from : other.from;
        Instant end = to.isBefore(other.to) ? to : other.to;
        return start.isBefore(end) ? new Interval(start, end) : null;
    }

    /** The same intervals, sorted, with overlapping and touching ones merged. */
    public static List<Interval> union(List<Interval> intervals) {
        var sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from));
        var merged = new ArrayList<Interval>();
        for (Interval next : sorted) {
            if (next.isEmpty()) continue;
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.from.isAfter(last.to)) {
                if (next.to.isAfter(last.to)) merged.set(merged.size() - 1, new Interval(last.from, next.to));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }
}
