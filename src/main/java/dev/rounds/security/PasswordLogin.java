package dev.rounds.security;

import dev.rounds.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks a user name and password, from the login form or HTTP Basic: refuses names and addresses that are cooling
 * off, checks the login form's CSRF token, and records every failure in the audit log (never the password). A password
 * bcrypt accepted lately for the account's current hash is not checked again ({@link VerifiedPasswords}); the account
 * is read from the database on every login all the same.
 */
@ApplicationScoped
public class PasswordLogin implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordLogin.class);
    /** Checked against when the account does not exist, so that a missing account takes as long as a wrong password. */
    private static final String NOBODY = BcryptUtil.bcryptHash("no account has this password");

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    VerifiedPasswords verified;

    @Inject
    MeterRegistry registry;

    private Counter bcryptChecks;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String formPostLocation;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String csrfCookie;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @PostConstruct
    void meters() {
        bcryptChecks = Counter.builder("rounds.security.password.checks")
                .description("passwords checked with bcrypt at login (not those accepted lately for the same hash)")
                .register(registry);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> login(request.getUsername(), password, http));
    }

    private SecurityIdentity login(String username, String password, RoutingContext http) {
        String address = ClientAddress.of(http);
        Optional<Instant> cooling = throttle.coolingOffUntil(username, address);
        if (cooling.isPresent()) {
            // not audited one by one: refusals cost nothing to send, and would let anyone flood the audit log
            LOG.infof(
                    "login refused user=%s address=%s cooling_off_until=%s",
                    Actors.attempted(username), address, cooling.get());
            CoolingOff.mark(http, cooling.get());
            throw new AuthenticationFailedException("cooling off");
        }
        if (isFormPost(http) && !csrfTokenMatches(http)) {
            throw fail(username, address, http, "the login form's CSRF token was missing or wrong");
        }
        AppUser user = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.named(username).orElse(null));
        boolean matches = passwordMatches(username, password, user);
        if (user == null) throw fail(username, address, http, "no such account");
        if (!matches) throw fail(username, address, http, "wrong password");
        if (!user.enabled) throw fail(username, address, http, "account disabled");
        throttle.recordSuccess(username);
        if (isFormPost(http)) {
            // A new session joins the account's others: it gets the current key, made on the first login if none.
            String key = user.sessionKey != null
                    ? user.sessionKey
                    : QuarkusTransaction.requiringNew().call(() -> {
                        AppUser stored = AppUser.named(username).orElseThrow();
                        return stored.sessionKey != null ? stored.sessionKey : stored.endSessions();
                    });
            SessionKeys.issue(http, key);
        }
        return Identities.of(user);
    }

    /**
     * A wrong password, a missing or a disabled account always cost a bcrypt check, as before; only a password bcrypt
     * accepted lately for an enabled account's current hash is taken as it is. The same name and password arriving
     * while their check runs wait for its answer ({@link VerifiedPasswords#matches}).
     */
    private boolean passwordMatches(String username, String password, AppUser user) {
        if (user == null || !user.enabled) return bcrypt(password, user == null ? NOBODY : user.passwordHash);
        return verified.matches(username, password, user.passwordHash, () -> bcrypt(password, user.passwordHash));
    }

    private boolean bcrypt(String password, String passwordHash) {
        bcryptChecks.increment();
        return BcryptUtil.matches(password, passwordHash);
    }

    private AuthenticationFailedException fail(String username, String address, RoutingContext http, String reason) {
        Optional<Instant> cooling = throttle.recordFailure(username, address);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("address", address);
        detail.put("reason", reason);
        detail.put("via", isFormPost(http) ? "form" : "basic");
        cooling.ifPresent(until -> detail.put("cooling_off_until", until.toString()));
        String actor = Actors.attempted(username);
        audit.append(actor, "login.failed", actor, detail);
        return new AuthenticationFailedException(reason);
    }

    private boolean isFormPost(RoutingContext http) {
        return http != null
                && http.request().method() == HttpMethod.POST
                && http.normalizedPath().equals(formPostLocation);
    }

    /** The double-submit check of quarkus-rest-csrf, which does not see this Vert.x route: field equals cookie. */
    private boolean csrfTokenMatches(RoutingContext http) {
        Cookie cookie = http.request().getCookie(csrfCookie);
        String field = http.request().formAttributes().get(csrfField);
        return cookie != null
                && field != null
                && MessageDigest.isEqual(
                        cookie.getValue().getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }
}
