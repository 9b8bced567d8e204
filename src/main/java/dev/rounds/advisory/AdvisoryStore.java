package dev.rounds.advisory;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.core.Sha256;
import dev.rounds.text.SuppliedText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the advisories the {@code feed} probes fetch: only those that match the inventory's software, each once.
 * A fetch that stores new ones writes one audit entry (actor {@code system}) naming them.
 */
@ApplicationScoped
public class AdvisoryStore implements AdvisoryInbox {

    static final String STORED = "advisory.stored";

    private static final int KEY_LENGTH = 1000;
    private static final int TITLE_LENGTH = 1000;
    private static final int LINK_LENGTH = 2000;

    @Inject
    AdvisoryConfig config;

    @Inject
    ChecklistRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Override
    public long maxBytes() {
        return config.maxBytes();
    }

    @Override
    public Optional<String> proxy() {
        return config.proxy();
    }

    @Override
    public Optional<Validators> validators(String url) {
        String digest = softwareDigest(registry.current().inventory().targets());
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedState state = FeedState.findById(url);
            if (state == null || !state.softwareDigest.equals(digest)) return Optional.empty();
            return Optional.of(new Validators(state.etag, state.lastModified));
        });
    }

    @Override
    public Receipt notModified(String url) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedState state = FeedState.findById(url);
            return new Receipt(state == null ? 0 : state.items, 0, Advisory.countByState(TriageState.NEW));
        });
    }

    /** Serialised, so that two probes fetching the same feed cannot both store one advisory. */
    @Override
    public synchronized Receipt receive(String url, FeedDocument document, Validators validators) {
        List<Target> targets = registry.current().inventory().targets();
        SoftwareMatcher matcher = new SoftwareMatcher(targets);
        Map<String, FeedItem> matching = new LinkedHashMap<>();
        Map<String, List<SoftwareMatch>> matchesByKey = new LinkedHashMap<>();
        for (FeedItem item : document.items()) {
            List<SoftwareMatch> matches = matcher.matches(item);
            if (matches.isEmpty()) continue;
            String key = storableKey(item.key());
            matching.putIfAbsent(key, item);
            matchesByKey.putIfAbsent(key, matches);
        }
        String digest = softwareDigest(targets);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Set<String> stored = Advisory.storedKeys(matching.keySet());
            List<String> added = new ArrayList<>();
            for (var entry : matching.entrySet()) {
                if (stored.contains(entry.getKey())) continue;
                persist(entry.getKey(), entry.getValue(), matchesByKey.get(entry.getKey()), url, now);
                added.add(entry.getKey());
            }
            if (!added.isEmpty()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("format", document.format().label());
                detail.put("items", document.count());
                detail.put("new", added.size());
                detail.put("advisories", added);
                audit.append(AuditLog.SYSTEM, STORED, url, detail);
            }
            remember(url, validators, digest, document.count(), now);
            return new Receipt(document.count(), added.size(), Advisory.countByState(TriageState.NEW));
        });
    }

    /**
     * A feed's link if it is an http(s) address of a storable length, else nothing: a hostile feed's
     * {@code javascript:} link would otherwise become a working link on the pages and in filed reviews.
     */
    static String webLink(String link) {
        if (link == null || link.length() > LINK_LENGTH) return null;
        String scheme = link.strip().toLowerCase(java.util.Locale.ROOT);
        return scheme.startsWith("https://") || scheme.startsWith("http://") ? link.strip() : null;
    }

    private static void persist(String key, FeedItem item, List<SoftwareMatch> matches, String url, Instant now) {
        Advisory a = new Advisory();
        a.key = key;
        a.sourceUrl = url;
        a.title = SuppliedText.cut(item.title(), TITLE_LENGTH);
        a.link = webLink(item.link());
        a.publishedAt = item.published();
        a.firstSeen = now;
        a.state = TriageState.NEW;
        matches.forEach(m -> a.matches.add(new AdvisoryMatch(m)));
        a.persist();
    }

    private static void remember(String url, Validators validators, String digest, int items, Instant now) {
        FeedState state = FeedState.findById(url);
        boolean first = state == null;
        if (first) {
            state = new FeedState();
            state.url = url;
        }
        state.etag = validators.etag();
        state.lastModified = validators.lastModified();
        state.softwareDigest = digest;
        state.items = items;
        state.fetchedAt = now;
        if (first) state.persist();
    }

    /** A key too long for its column is replaced by its digest, which stays unique and stable. */
    private static String storableKey(String key) {
        return key.length() <= KEY_LENGTH ? key : "sha256:" + Sha256.hex(key);
    }

    static String softwareDigest(List<Target> targets) {
        TreeSet<String> lines = new TreeSet<>();
        targets.forEach(t -> t.software().forEach(s -> lines.add(t.id() + "\t" + s.strip())));
        return Sha256.hex(String.join("\n", lines));
    }
}
