package dev.rounds.probe;

import dev.rounds.checklist.Target;

/**
 * The port Rounds' own HTTP server listens on, for targets that are Rounds itself: an inventory address may say
 * {@value #PLACEHOLDER} (e.g. {@code localhost:${quarkus.http.port}}), which is replaced when a probe runs, so that
 * the self-checks follow {@code quarkus.http.port} (or the random port of a test) instead of naming 8080.
 */
public interface OwnPort extends ProbeFacility {

    String PLACEHOLDER = Target.OWN_PORT;

    int port();

    /** The target with {@value #PLACEHOLDER} in its address replaced by this port. */
    default Target resolve(Target target) {
        return target.withAddress(target.address().replace(PLACEHOLDER, String.valueOf(port())));
    }
}
