package dev.rounds.advisory;

import java.time.Instant;
import java.util.List;

/** An advisory as the API and the page show it. */
public record AdvisoryView(
        long id,
        String key,
        String title,
        String link,
        Instant published,
        Instant firstSeen,
        String source,
        String state,
        List<MatchView> matches,
        String triagedBy,
        Instant triagedAt,
        String note) {

    /** A target and the software entry of it that the advisory names. */
    public record MatchView(String target, String software) {}

    public static AdvisoryView of(Advisory a) {
        return new AdvisoryView(
                a.id,
                a.key,
                a.title,
                a.link,
                a.publishedAt,
                a.firstSeen,
                a.sourceUrl,
                a.state.label(),
                a.matches.stream()
                        .map(m -> new MatchView(m.targetId, m.software))
                        .toList(),
                a.triagedBy,
                a.triagedAt,
                a.triageNote);
    }
}
