package dev.rounds.advisory;

import dev.rounds.advisory.AdvisoryInbox.Validators;
import dev.rounds.checklist.Durations;
import dev.rounds.checklist.Sizes;
import dev.rounds.probe.type.Failures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One conditional GET of a feed, without blocking: it completes exactly once, with the body (never more than the
 * cap is held), with "not modified", or with a sentence saying why the feed could not be fetched — whichever comes
 * first of the response's end, a failure, the cap and the timeout.
 */
final class FeedDownload {

    /** How a fetch ended: {@code failure} set, or {@code notModified}, or a complete {@code body}. */
    record Outcome(Buffer body, boolean notModified, Validators validators, String failure) {

        static Outcome failed(String why) {
            return new Outcome(null, false, null, why);
        }
    }

    private final Vertx vertx;
    private final String url;
    private final long maxBytes;
    private final Duration timeout;
    private final String via;
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    private final Buffer body = Buffer.buffer();
    private volatile HttpClientRequest request;
    private volatile Integer status;

    /** @param via how the request travels, for messages: empty, or " through proxy http://..." */
    FeedDownload(Vertx vertx, String url, long maxBytes, Duration timeout, String via) {
        this.vertx = vertx;
        this.url = url;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.via = via;
    }

    CompletionStage<Outcome> start(RequestOptions options) {
        options.setMethod(HttpMethod.GET).setFollowRedirects(true)
                .setConnectTimeout(timeout.toMillis());
        // Without a connection exception handler Vert.x logs a reset feed server as an ERROR; the outcome says it.
        HttpClient client = vertx.httpClientBuilder().with(new HttpClientOptions().setKeepAlive(false))
                .withConnectHandler(connection -> connection.exceptionHandler(reportedInTheOutcome -> { })).build();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut());
        done.whenComplete((outcome, impossible) -> {
            vertx.cancelTimer(timer);
            client.close();
        });
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                fail(opened.cause());
                return;
            }
            request = opened.result();
            if (done.isDone()) {
                request.reset();
                return;
            }
            request.send().onComplete(sent -> {
                if (sent.failed()) {
                    fail(sent.cause());
                    return;
                }
                respond(sent.result());
            });
        });
        return done;
    }

    private void respond(HttpClientResponse response) {
        status = response.statusCode();
        Validators validators = new Validators(response.getHeader("ETag"), response.getHeader("Last-Modified"));
        if (status == 304) {
            done.complete(new Outcome(null, true, validators, null));
            return;
        }
        if (status != 200) {
            done.complete(Outcome.failed("could not fetch " + url + via + ": HTTP " + status
                    + (response.statusMessage() == null ? "" : " " + response.statusMessage())));
            response.exceptionHandler(closedByUs -> { });
            request.reset();
            return;
        }
        response.handler(this::read);
        response.exceptionHandler(this::fail);
        response.endHandler(end -> done.complete(new Outcome(body, false, validators, null)));
    }

    private void read(Buffer chunk) {
        if (done.isDone()) return;
        if (body.length() + (long) chunk.length() > maxBytes) {
            done.complete(Outcome.failed("feed " + url + " is larger than " + Sizes.format(maxBytes)
                    + " (rounds.advisory.max-bytes): cut at " + maxBytes + " bytes, nothing of it stored; raise "
                    + "rounds.advisory.max-bytes to read more"));
            // Closing the connection is the only way to stop an HTTP/1.1 server that keeps sending.
            request.reset();
            return;
        }
        body.appendBuffer(chunk);
    }

    private void fail(Throwable failure) {
        if (done.isDone()) return;
        String broken = status == null ? hint() : " (the response broke off after " + body.length() + " bytes)";
        done.complete(Outcome.failed("could not fetch " + url + via + ": " + Failures.reason(failure) + broken));
    }

    private void timedOut() {
        if (done.isDone()) return;
        String within = " within " + Durations.format(timeout);
        String what = "could not fetch " + url + via + ": " + (request == null ? "no connection" + within + hint()
                : status == null ? "no response" + within
                : "the body was not complete" + within + " (" + body.length() + " bytes read)");
        HttpClientRequest open = request;
        if (done.complete(Outcome.failed(what)) && open != null) open.reset();
    }

    /** What to configure when the feed's server cannot be reached at all. */
    private String hint() {
        return via.isEmpty() ? "; where Rounds has no direct internet access, set rounds.advisory.proxy or point "
                + "url at an internal mirror" : "; check rounds.advisory.proxy";
    }
}
