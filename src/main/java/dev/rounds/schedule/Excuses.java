package dev.rounds.schedule;

import java.util.Optional;

/**
 * What may excuse an occurrence before it is judged: an approved waiver. Implemented by the waiver feature, so
 * that the schedule needs to know nothing of how waivers are requested and decided.
 */
public interface Excuses {

    /** The waiver that excused an occurrence, and the reason its status shows. */
    record Excuse(long waiverId, String reason) {}

    /** The excuse in force for the occurrence, judged by when it comes due, if there is one. */
    Optional<Excuse> excuse(Occurrence occurrence);
}
