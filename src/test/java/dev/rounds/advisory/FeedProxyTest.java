package dev.rounds.advisory;

import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With rounds.advisory.proxy set, feeds are asked of the proxy, and the feed's own host is never resolved. */
@QuarkusTest
@TestProfile(FeedProxyProfile.class)
class FeedProxyTest {

    @Inject
    ProbeRunner runner;

    @Test
    void aFeedOnAHostOnlyTheProxyKnowsIsFetchedThroughIt() throws Exception {
        // .invalid never resolves (RFC 6761): only a request sent to the proxy can succeed
        Target feeds = target("feeds", "feeds.invalid");
        ProbeResult result = runner.run(
                        spec(
                                "feed",
                                feeds,
                                Map.of("url", "http://feeds.invalid/plain/kev.json"),
                                Duration.ofSeconds(10)),
                        feeds,
                        new ProbeKey("daily", "security-news", 0, "feeds"))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(60, result.values().get("items"));
    }
}
