package dev.rounds.checklist;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known word a person most likely meant, for "did you mean" hints. */
final class Suggestions {

    private Suggestions() {}

    /** The closest candidate within a couple of typos, if any. */
    static Optional<String> closest(String written, Collection<String> candidates) {
        int allowed = written.length() <= 4 ? 1 : written.length() <= 8 ? 2 : 3;
        return candidates.stream()
                .filter(c -> distance(written.toLowerCase(), c.toLowerCase()) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(written.toLowerCase(), c.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code  (did you mean 'title'?)} or an empty string. */
    static String didYouMean(String written, Collection<String> candidates) {
        return closest(written, candidates)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
    }

    /** Edit distance counting a swap of neighbours as one typo (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
