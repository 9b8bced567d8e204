package dev.rounds.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ends an account's login sessions without keeping sessions on the server. Quarkus' session cookie is encrypted
 * and names only the account, so a session cannot be told from another, nor its age read. Each account therefore
 * has a random session key ({@link AppUser#sessionKey}); a login through the form hands it out in the
 * {@value #COOKIE} cookie, and {@link SessionLogin} accepts a session only while that cookie holds the account's
 * current key. Replacing the key ends every session of the account at once; the request that replaced it may hand
 * the new key to its own session, which then goes on.
 */
public final class SessionKeys {

    /** The cookie beside Quarkus' session cookie; useless without it, and it without this. */
    public static final String COOKIE = "rounds-session";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionKeys() {}

    /** A new key: 256 random bits, URL-safe Base64 (43 characters). */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Hands the key to the browser of this request: a session cookie, out of reach of scripts, like Quarkus' own. */
    public static void issue(RoutingContext http, String key) {
        if (http == null || key == null) return;
        http.response()
                .addCookie(Cookie.cookie(COOKIE, key)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX));
    }

    /** Whether the request carries this key; an account without a key yet accepts any session. */
    static boolean carried(RoutingContext http, String key) {
        if (key == null) return true;
        Cookie cookie = http == null ? null : http.request().getCookie(COOKIE);
        return cookie != null
                && MessageDigest.isEqual(
                        cookie.getValue().getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }
}
