package dev.rounds.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SecureCookiesProfile.class)
class SecureCookiesTest {

    @Test
    void everyCookieIsSecureWhenConfiguredEvenOverPlainHttp() {
        String csrf = given().get("/login").cookie("csrf-token");
        Response login = given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("j_username", "admin")
                .formParam("j_password", "test-admin-password")
                .post("/j_security_check");
        List<String> cookies = login.headers().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("quarkus-credential=")), cookies.toString());
        assertTrue(cookies.stream().allMatch(c -> c.toLowerCase().contains("; secure")), cookies.toString());
        assertTrue(given().get("/login").headers().getValues("Set-Cookie").stream()
                .allMatch(c -> c.toLowerCase().contains("; secure")));
    }
}
