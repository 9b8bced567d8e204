package dev.rounds.advisory;

import dev.rounds.advisory.AdvisoryInbox.Validators;
import dev.rounds.checklist.Durations;
import dev.rounds.checklist.Sizes;
import dev.rounds.probe.type.Failures;
import dev.rounds.probe.type.HttpFetch;

/**
 * What one conditional GET of a feed came to: a complete body, "not modified", or a sentence saying why the feed
 * could not be fetched.
 *
 * @param body the document, when the feed was fetched and modified
 * @param validators the response's {@code ETag} and {@code Last-Modified}, to send with the next fetch
 * @param failure why there is nothing to read, or {@code null}
 */
record FeedOutcome(byte[] body, boolean notModified, Validators validators, String failure) {

    /**
     * Reads the answer to a GET of the feed at {@code url} that read the body of a 200 alone.
     *
     * @param via how the request travelled, for messages: empty, or " through proxy http://..."
     */
    static FeedOutcome of(HttpFetch.Answer answer, String url, String via, long maxBytes) {
        if (answer.failure() != null) return failed("could not fetch " + url + via + ": " + why(answer.failure(), via));
        Validators validators =
                new Validators(answer.headers().get("ETag"), answer.headers().get("Last-Modified"));
        if (answer.status() == 304) return new FeedOutcome(null, true, validators, null);
        if (answer.status() != 200) {
            return failed("could not fetch " + url + via + ": HTTP " + answer.status()
                    + (answer.statusMessage() == null ? "" : " " + answer.statusMessage()));
        }
        if (answer.cut()) {
            return failed("feed " + url + " is larger than " + Sizes.format(maxBytes) + " (rounds.advisory.max-bytes):"
                    + " cut at " + maxBytes
                    + " bytes, nothing of it stored; raise rounds.advisory.max-bytes to read more");
        }
        return new FeedOutcome(answer.body(), false, validators, null);
    }

    private static FeedOutcome failed(String why) {
        return new FeedOutcome(null, false, null, why);
    }

    private static String why(HttpFetch.Failure failure, String via) {
        boolean reading = failure.stage() == HttpFetch.Stage.READING_BODY;
        if (!failure.timedOut()) {
            return Failures.reason(failure.cause())
                    + (reading ? " (the response broke off after " + failure.read() + " bytes)" : hint(via));
        }
        String within = " within " + Durations.format(failure.timeout());
        return switch (failure.stage()) {
            case CONNECTING -> "no connection" + within + hint(via);
            case AWAITING_RESPONSE -> "no response" + within;
            case READING_BODY -> "the body was not complete" + within + " (" + failure.read() + " bytes read)";
        };
    }

    /** What to configure when the feed's server cannot be reached at all. */
    private static String hint(String via) {
        return via.isEmpty()
                ? "; where Rounds has no direct internet access, set rounds.advisory.proxy or point "
                        + "url at an internal mirror"
                : "; check rounds.advisory.proxy";
    }
}
