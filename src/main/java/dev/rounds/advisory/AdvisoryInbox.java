package dev.rounds.advisory;

import dev.rounds.probe.ProbeFacility;
import java.util.Optional;

/**
 * What the {@code feed} probe needs beyond the network: its limits, the conditional-GET validators of each feed,
 * and the store that keeps the advisories matching the inventory. Its methods block: call them through
 * {@link dev.rounds.probe.ProbeContext#blocking}.
 */
public interface AdvisoryInbox extends ProbeFacility {

    /** The most bytes a feed document may have. */
    long maxBytes();

    /** The HTTP proxy feeds are fetched through, as {@code http://host:port}, if one is configured. */
    Optional<String> proxy();

    /**
     * The validators of the last complete fetch of a feed, to send as {@code If-None-Match} and
     * {@code If-Modified-Since}; none when the feed was never fetched or the inventory's software has changed since,
     * because then its advisories must be matched again.
     */
    Optional<Validators> validators(String url);

    /** Stores the advisories of a fetched document that match the inventory and were not stored before. */
    Receipt receive(String url, FeedDocument document, Validators validators);

    /** What a fetch answered with 304 Not Modified amounts to: nothing new. */
    Receipt notModified(String url);

    /** A feed's {@code ETag} and {@code Last-Modified} response headers, either of them {@code null}. */
    record Validators(String etag, String lastModified) {}

    /**
     * @param items the number of items in the feed's document (for 304: in the last one fetched)
     * @param newMatches advisories that match the inventory and were stored by this fetch
     * @param openMatches matching advisories that wait for triage, from every feed
     */
    record Receipt(int items, int newMatches, long openMatches) {}
}
