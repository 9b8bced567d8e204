package dev.rounds.probe;

/**
 * What a probe lacks before it can say anything about its target: a credential, a tool, a path, a route out, a
 * service that was never started. A result with a setup need is Rounds not being set up yet, not the target failing:
 * the dashboard lists it apart, with its fix, and it counts as no failure.
 *
 * <p>A missing credential or tool is configuration whatever happened before. A missing path, an unresolvable host
 * name or a refused connection is configuration only until the probe's first answer: once the target has answered,
 * the same miss is the target failing (a backup folder that vanished, a service that stopped).
 *
 * @param kind the group it is listed under: one of {@link #CREDENTIAL}, {@link #TOOL}, {@link #PATH},
 *     {@link #NETWORK}, {@link #SERVICE}
 * @param fix the one line that says what to configure, e.g. {@code set ROUNDS_JIRA_AUTH to "Bearer <token>"}
 */
public record SetupNeed(String kind, String fix) {

    public static final String CREDENTIAL = "credential";
    public static final String TOOL = "tool";
    public static final String PATH = "path";
    public static final String NETWORK = "network";
    public static final String SERVICE = "service";

    public static SetupNeed credential(String fix) {
        return new SetupNeed(CREDENTIAL, fix);
    }

    public static SetupNeed tool(String fix) {
        return new SetupNeed(TOOL, fix);
    }

    public static SetupNeed path(String fix) {
        return new SetupNeed(PATH, fix);
    }

    public static SetupNeed network(String fix) {
        return new SetupNeed(NETWORK, fix);
    }

    public static SetupNeed service(String fix) {
        return new SetupNeed(SERVICE, fix);
    }

    /** Whether the need lapses once the probe has had an answer (up or warn) from its target. */
    public boolean onlyUntilFirstAnswer() {
        return kind.equals(PATH) || kind.equals(NETWORK) || kind.equals(SERVICE);
    }
}
