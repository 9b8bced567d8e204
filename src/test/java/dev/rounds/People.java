package dev.rounds;

import static io.restassured.RestAssured.given;

import dev.rounds.security.AppUser;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Accounts with one role each, for tests that need people other than the built-in admin (who holds every role),
 * and the audit entries they leave. The in-memory database outlives one test application, so accounts are added
 * only where missing.
 */
public final class People {

    public static final String PASSWORD = "test-person-password";

    private People() {
    }

    /** Adds the account with exactly these roles unless it exists. */
    public static void ensure(String username, String roles) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.findById(username) == null) {
                AppUser user = new AppUser();
                user.username = username;
                user.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
                user.roles = roles;
                user.createdAt = Instant.parse("2026-01-01T00:00:00Z");
                user.persist();
            }
        });
    }

    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    /** The actors of the audit entries with this action and subject, in order. */
    public static List<String> actorsOf(DataSource db, String action, String subject) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(
                        "SELECT actor FROM audit_log WHERE action = ? AND subject = ? ORDER BY seq")) {
            query.setString(1, action);
            query.setString(2, subject);
            try (var rows = query.executeQuery()) {
                List<String> actors = new ArrayList<>();
                while (rows.next()) actors.add(rows.getString(1));
                return actors;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
