package dev.rounds.ack;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An operator's acknowledgement of a failing probe.
 *
 * @param probe the probe × target key, e.g. {@code daily/services-up#0@web01}
 * @param reason why the failure may stay quiet, e.g. the incident that deals with it
 * @param until when the acknowledgement ends by itself: in the future, at most 30 days ahead
 */
public record AcknowledgementRequest(
        @NotBlank(message = "name the probe to acknowledge, e.g. daily/services-up#0@web01") @Size(max = 400)
        String probe,

        @NotBlank(message = "an acknowledgement needs a reason") @Size(max = 2000)
        String reason,

        @NotNull(message = "an acknowledgement needs an end: 'until', an ISO-8601 instant")
        Instant until) {}
