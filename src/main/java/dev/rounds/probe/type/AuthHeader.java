package dev.rounds.probe.type;

import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.Environment;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.SetupMissing;
import dev.rounds.probe.SetupNeed;
import java.util.Map;

/**
 * The credentials a probe sends to an API: header {@code auth_header} (default Authorization) with the value of
 * the environment variable {@code auth_env}, so that secrets never sit in the YAML.
 */
final class AuthHeader {

    private AuthHeader() {}

    /**
     * Adds the header when the probe names a variable.
     *
     * @return the variable's name, or {@code null} when the probe names none
     * @throws SetupMissing naming the variable when it is not set
     */
    static String addTo(Map<String, String> headers, ProbeSpec spec, ProbeContext context) {
        String variable = spec.setting("auth_env", null);
        if (variable == null) return null;
        String header = spec.setting("auth_header", "Authorization");
        String secret = context.facility(Environment.class)
                .variable(variable)
                .orElseThrow(() -> new SetupMissing(
                        SetupNeed.credential("set " + variable + " to the " + header + " header value, e.g. 'Bearer"
                                + " <token>', in the environment Rounds starts in"),
                        "environment variable " + variable
                                + " is not set; set it to the " + header + " header value (e.g. 'Bearer <token>' or "
                                + "'Basic <base64 of user:token>') in the environment Rounds starts in"));
        headers.put(header, secret);
        return variable;
    }

    /** What to add to an HTTP 401 or 403 message. */
    static String hint(int status, String variable) {
        if (status != 401 && status != 403) return "";
        return variable != null
                ? "; check the credentials in environment variable " + variable
                : status == 401 ? "; the API wants credentials: set auth_env" : "";
    }
}
