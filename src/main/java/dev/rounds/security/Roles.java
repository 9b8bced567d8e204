package dev.rounds.security;

/** The role names of DESIGN "People and access". */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String MANAGER = "manager";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** Every role, as the built-in admin holds them until accounts are managed. */
    public static final String ALL = String.join(",", VIEWER, OPERATOR, MANAGER, AUDITOR, ADMIN);

    private Roles() {
    }
}
