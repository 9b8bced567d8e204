package dev.rounds.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.audit.ChainedAuditLog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With quarkus-oidc on the class path, the default start needs no identity provider: OIDC is off, and a bearer token
 * is Rounds' own API token. (No identity provider runs here, so switching OIDC on is documented, not tested.)
 */
@QuarkusTest
class OidcSwitchedOffTest {

    @Inject
    ChainedAuditLog log;

    @Test
    void theDefaultStartNeedsNoIdentityProviderAndBearerTokensAreRoundsOwn() {
        assertFalse(ConfigProvider.getConfig().getValue("quarkus.oidc.tenant-enabled", Boolean.class));
        assertTrue(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .isEmpty());
        given().get("/q/health").then().statusCode(200);

        AuditMark trail = AuditMark.from(log);
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
                .get("/api/occurrences")
                .then()
                .statusCode(401);
        assertTrue(trail.entries("login.failed", "anonymous").stream()
                .anyMatch(e -> e.detail().contains("unknown API token")));
    }
}
