package dev.rounds.calendar;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rounds.TestAccounts;
import dev.rounds.core.Roles;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Calendar tokens made as a person makes them, on the account page, and the feed addresses it shows once. */
final class FeedAddresses {

    private FeedAddresses() {}

    /** Makes (or replaces) the person's calendar token: the feeds' addresses by name, e.g. {@code owner operations}. */
    static Map<String, String> newToken(String username) {
        TestAccounts.ensure(username, Roles.VIEWER);
        Document page = Jsoup.parse(post(username, "/account/calendar")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, String> feeds = new LinkedHashMap<>();
        page.select("#calendar-feeds tbody tr")
                .forEach(row -> feeds.put(
                        row.child(0).text(), row.selectFirst("code.feed-url").text()));
        assertFalse(feeds.isEmpty(), "the page shows the feeds' addresses");
        return feeds;
    }

    /** Sends the account page's form at {@code path} as the person, with its CSRF token. */
    static Response post(String username, String path) {
        String csrf = given().get("/login").then().statusCode(200).extract().cookie("csrf-token");
        return TestAccounts.as(username)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf)
                .post(path);
    }

    /** The token in a feed's address. */
    static String token(String url) {
        return url.substring(url.indexOf("?token=") + "?token=".length());
    }
}
