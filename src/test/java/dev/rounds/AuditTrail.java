package dev.rounds;

import static dev.rounds.Logins.asAdmin;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the audit log over its API, tolerating the entries the running application adds meanwhile. */
public final class AuditTrail {

    private AuditTrail() {}

    /** The entries with this action whose detail has {@code field} equal to {@code id}, in log order. */
    public static List<Map<String, Object>> entries(String action, String field, long id) {
        List<Map<String, Object>> found = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = asAdmin()
                    .get("/api/audit?after={after}&limit=1000", after)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> entries = page.getList("$");
            if (entries.isEmpty()) return found;
            for (Map<String, Object> entry : entries) {
                if ((action == null || action.equals(entry.get("action")))
                        && entry.get("detail") instanceof Map<?, ?> detail
                        && detail.get(field) instanceof Number value
                        && value.longValue() == id) {
                    found.add(entry);
                }
            }
            after = ((Number) entries.get(entries.size() - 1).get("seq")).longValue();
        }
    }

    /** The entries of any action whose detail has {@code field} equal to {@code id}. */
    public static List<Map<String, Object>> entriesNaming(String field, long id) {
        return entries(null, field, id);
    }

    /** The actors of the entries with this action and subject, in log order. */
    public static List<String> actorsOf(String action, String subject) {
        List<String> actors = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> entries = asAdmin()
                    .get("/api/audit?after={after}&limit=1000", after)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            if (entries.isEmpty()) return actors;
            for (Map<String, Object> entry : entries) {
                if (action.equals(entry.get("action")) && subject.equals(entry.get("subject"))) {
                    actors.add((String) entry.get("actor"));
                }
            }
            after = ((Number) entries.get(entries.size() - 1).get("seq")).longValue();
        }
    }
}
