package dev.rounds.security;

/** How the audit log names whoever tried to log in. */
final class Actors {

    static final String ANONYMOUS = "anonymous";
    private static final int MAX = 100;

    private Actors() {}

    /** The user name as typed, cut to the length an account name may have, or {@code anonymous} if none was given. */
    static String attempted(String username) {
        if (username == null || username.isBlank()) return ANONYMOUS;
        return username.length() > MAX ? username.substring(0, MAX) : username;
    }
}
