package dev.rounds.report.sla;

import dev.rounds.core.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Set arithmetic on lists of intervals that are sorted and disjoint, as {@link Interval#union(List)} returns them;
 * every result is again sorted and disjoint.
 */
public final class Intervals {

    private Intervals() {}

    /** The time in both {@code a} and {@code b}. */
    public static List<Interval> intersect(List<Interval> a, List<Interval> b) {
        var result = new ArrayList<Interval>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Interval x = a.get(i);
            Interval y = b.get(j);
            Interval common = x.intersection(y);
            if (common != null) result.add(common);
            if (x.to().isBefore(y.to())) i++;
            else j++;
        }
        return result;
    }

    /** The time in {@code a} and not in {@code b}. */
    public static List<Interval> subtract(List<Interval> a, List<Interval> b) {
        var result = new ArrayList<Interval>();
        int j = 0;
        for (Interval x : a) {
            var from = x.from();
            while (j < b.size() && !b.get(j).to().isAfter(from)) j++;
            int k = j;
            while (k < b.size() && b.get(k).from().isBefore(x.to())) {
                Interval cut = b.get(k);
                if (cut.from().isAfter(from)) result.add(new Interval(from, cut.from()));
                if (cut.to().isAfter(from)) from = cut.to();
                k++;
            }
            if (from.isBefore(x.to())) result.add(new Interval(from, x.to()));
        }
        return result;
    }

    /** The total length of {@code intervals}. */
    public static Duration total(List<Interval> intervals) {
        Duration total = Duration.ZERO;
        for (Interval interval : intervals) total = total.plus(interval.length());
        return total;
    }
}
