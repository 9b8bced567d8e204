package dev.rounds.probe.type;

import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** URLs as people write them in a checklist: a JQL query with spaces or a ServiceNow query with {@code ^} is fine. */
final class Urls {

    private static final String LEGAL = "-._~:/?#[]@!$&'()*+,;=%";

    private Urls() {}

    /**
     * The URL a probe reads: its {@code url} setting, else {@code scheme://address:port/path} from its settings
     * and the target's address.
     *
     * @param defaultPath the path when the probe sets none, {@code null} if it must set one
     * @param defaultPort the port when neither the probe nor the address names one (443 stands in for https)
     * @throws IllegalArgumentException naming the setting that is wrong or missing
     */
    static URI of(ProbeSpec spec, Target target, String defaultPath, int defaultPort) {
        if (spec.settings().get("url") != null) return parse(spec.setting("url", ""));
        String scheme = spec.setting("scheme", "http").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, got '" + scheme + "'");
        }
        String path = spec.setting("path", defaultPath);
        if (path == null) {
            throw new IllegalArgumentException("set 'path' (read from the target's address) or 'url'");
        }
        Address address = Address.parse(target.address());
        int port = address.port(
                spec.settings().get("port"), scheme.equals("https") && defaultPort == 80 ? 443 : defaultPort);
        return parse(
                scheme + "://" + Address.hostPort(address.host(), port) + (path.startsWith("/") ? "" : "/") + path);
    }

    /**
     * The URL with every character a URI may not hold percent-encoded (as UTF-8); what is already encoded stays.
     *
     * @throws IllegalArgumentException if it is still not an absolute http or https URL
     */
    static URI parse(String text) {
        var encoded = new StringBuilder();
        for (byte b : text.strip().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || LEGAL.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        try {
            URI uri = new URI(encoded.toString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + text + "' is not an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException bad) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + bad.getReason());
        }
    }
}
