package dev.rounds.core;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The role names of DESIGN "People and access". Roles are not hierarchical: a person holds a set of them, and each
 * endpoint names the roles it admits (docs/security.md has the whole matrix).
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String MANAGER = "manager";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** Every role in the order pages list them. */
    public static final List<String> NAMES = List.of(VIEWER, OPERATOR, MANAGER, AUDITOR, ADMIN);

    /** Every role, as the built-in admin holds them so that a one-person installation works. */
    public static final String ALL = String.join(",", NAMES);

    private Roles() {}

    /** The roles of a stored comma-separated list. */
    public static Set<String> parse(String roles) {
        if (roles == null || roles.isBlank()) return Set.of();
        return Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The stored form of a set of roles, in {@link #NAMES} order, refusing names that are not roles. */
    public static String join(Iterable<String> roles) {
        Set<String> given = new LinkedHashSet<>();
        for (String role : roles) {
            String name = role == null ? "" : role.trim();
            if (!NAMES.contains(name)) {
                throw new RoundsException(
                        422,
                        ProblemTitle.ACCOUNT_CHANGE_REFUSED,
                        "'" + name + "' is not a role; roles are " + String.join(", ", NAMES));
            }
            given.add(name);
        }
        if (given.isEmpty()) {
            throw new RoundsException(
                    422, ProblemTitle.ACCOUNT_CHANGE_REFUSED, "give at least one role of " + String.join(", ", NAMES));
        }
        return NAMES.stream().filter(given::contains).collect(Collectors.joining(","));
    }
}
