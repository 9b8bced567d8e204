package dev.rounds.advisory;

import dev.rounds.checklist.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches advisories against the inventory's {@code software} entries, ignoring case and comparing whole words
 * only: an entry matches when it appears in the advisory's text ("OpenSSL" in "OpenSSL Information Disclosure"),
 * or when a product the advisory names appears in the entry (KEV's product "SQL Server" in the entry
 * "SQL Server 2008"). Runs of white space count as one space; a word is letters and digits, so "Git" does not
 * match "GitLab", and "Hyper-V" matches "Hyper-V".
 */
final class SoftwareMatcher {

    private record Entry(String targetId, String software, Pattern pattern) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Pattern> products = new HashMap<>();

    SoftwareMatcher(List<Target> targets) {
        for (Target target : targets) {
            for (String software : target.software()) {
                if (!software.isBlank()) entries.add(new Entry(target.id(), software.strip(), phrase(software)));
            }
        }
    }

    List<SoftwareMatch> matches(FeedItem item) {
        List<SoftwareMatch> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.pattern().matcher(item.text()).find() || namesProductOf(item, entry.software())) {
                found.add(new SoftwareMatch(entry.targetId(), entry.software()));
            }
        }
        return found;
    }

    private boolean namesProductOf(FeedItem item, String software) {
        for (String product : item.products()) {
            if (product.isBlank()) continue;
            if (products.computeIfAbsent(product, SoftwareMatcher::phrase)
                    .matcher(software)
                    .find()) return true;
        }
        return false;
    }

    /** The words of {@code text} as a case-insensitive pattern that only matches whole words. */
    static Pattern phrase(String text) {
        String[] words = text.strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) regex.append("\\s+");
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
