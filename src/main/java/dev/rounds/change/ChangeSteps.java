package dev.rounds.change;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The bodies of the steps after the request. */
public final class ChangeSteps {

    private ChangeSteps() {}

    /**
     * @param priority low, medium, high or emergency
     * @param category standard, normal or emergency
     */
    public record Classification(String priority, String category) {}

    /** A manager's note on approving (optional) or rejecting (required). */
    public record Decision(@Size(max = 2000) String note) {}

    /** @param at when it was carried out; now if not given, never in the future */
    public record Implementation(
            Instant at, @Size(max = 4000) String note) {}

    /** @param outcome successful, failed or rolled-back */
    public record Review(String outcome, @Size(max = 4000) String note) {}
}
