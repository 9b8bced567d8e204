package dev.rounds.calendar;

import dev.rounds.security.HashedToken;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/** A personal calendar token: it reads the calendar feeds and nothing else. A person has at most one not revoked. */
@Entity
@Table(name = "calendar_token")
public class CalendarToken extends HashedToken {

    public static Optional<CalendarToken> byHash(String tokenHash) {
        return CalendarToken.<CalendarToken>find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The person's token that is not revoked, if they have one. */
    public static Optional<CalendarToken> activeOf(String username) {
        return CalendarToken.<CalendarToken>find("username = ?1 and revokedAt is null", username)
                .firstResultOptional();
    }
}
