package dev.rounds.advisory;

import dev.rounds.text.SuppliedText;
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

    /** A feed is machine input: what the text rule refuses is stored as U+FFFD. */
    public FeedItem {
        key = SuppliedText.clean(key);
        title = SuppliedText.clean(title);
        link = SuppliedText.clean(link);
        text = SuppliedText.clean(text);
        products = products.stream().map(SuppliedText::clean).toList();
    }
}
