package dev.rounds.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.TestClock;
import dev.rounds.security.ThrottleTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Unknown calendar tokens count against the client address like failed logins (6 allowed in this profile). */
@QuarkusTest
@TestProfile(ThrottleTestProfile.class)
class CalendarThrottleTest {

    @Inject
    TestClock clock;

    @Test
    void guessedTokensCoolOffTheAddressEvenForAGoodToken() {
        clock.advance(Duration.ofMinutes(10));
        String feed = FeedAddresses.newToken("calendar-throttled").get("owner operations");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    404,
                    given().get("/calendar/owners/operations.ics?token=guess-" + i)
                            .statusCode());
        }
        given().get("/calendar/owners/operations.ics?token=guess-5")
                .then()
                .statusCode(429)
                .header("Retry-After", "300")
                .body("title", equalTo("too many requests"));
        given().get(feed).then().statusCode(429).header("Retry-After", "300");

        clock.advance(Duration.ofMinutes(5));
        given().get(feed).then().statusCode(200);
    }
}
