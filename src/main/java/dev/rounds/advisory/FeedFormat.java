package dev.rounds.advisory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The feed formats Rounds reads; {@code AUTO} tells them apart by the document's content. */
public enum FeedFormat {
    RSS("RSS 2.0"),
    ATOM("Atom 1.0"),
    KEV("CISA KEV JSON"),
    NVD("NVD CVE API 2.0 JSON"),
    AUTO("auto");

    private final String title;

    FeedFormat(String title) {
        this.title = title;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    public static Optional<FeedFormat> of(String label) {
        return Arrays.stream(values())
                .filter(f -> f.label().equals(label.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(FeedFormat::label).collect(Collectors.joining(", "));
    }
}
