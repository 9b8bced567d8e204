package dev.rounds.advisory;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The advisory tests' checklists with every feed fetched through an HTTP proxy: the loopback feed server itself. A
 * proxy is the whole application's setting, so this application is not the one the other advisory tests share.
 */
public class FeedProxyProfile implements QuarkusTestProfile {

    static final FeedServer PROXY = new FeedServer();

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-advisories-");
            for (Map.Entry<String, String> file : AdvisoryChecklists.FILES.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            return Map.of(
                    "rounds.checklists.dir", dir.toString(), "rounds.advisory.proxy", "http://" + PROXY.address());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
