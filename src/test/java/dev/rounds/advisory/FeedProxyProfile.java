package dev.rounds.advisory;

import java.util.HashMap;
import java.util.Map;

/** The advisory profile with every feed fetched through an HTTP proxy: the loopback feed server itself. */
public class FeedProxyProfile extends AdvisoryTestProfile {

    static final FeedServer PROXY = new FeedServer();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("rounds.advisory.proxy", "http://" + PROXY.address());
        return overrides;
    }
}
