package dev.rounds.advisory;

import java.time.Instant;
import java.util.List;

/**
 * One advisory as a feed carries it, before matching.
 *
 * @param key what identifies it across feeds: the CVE id, else the entry's guid or id, else its link
 * @param text what its matching reads: title and summary, or the product names and descriptions
 * @param products the product names a structured feed (KEV, NVD) states; a software entry containing one matches
 * @param published when the feed says it was published or added, or {@code null}
 */
public record FeedItem(String key, String title, String link, Instant published, String text, List<String> products) {

    public FeedItem {
        products = List.copyOf(products);
    }
}
