package dev.rounds.advisory;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param count how many items the document holds, duplicates and rejected CVEs included
 * @param items its advisories, one per key, in document order
 */
public record FeedDocument(FeedFormat format, int count, List<FeedItem> items) {

    public FeedDocument {
        items = List.copyOf(items);
    }
}
