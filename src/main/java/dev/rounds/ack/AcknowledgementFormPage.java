package dev.rounds.ack;

import dev.rounds.web.Typed;
import io.quarkus.qute.TemplateInstance;

/**
 * The page the acknowledgement forms are on: the occurrence page, which the reports draw and which implements this,
 * so that a form can answer a refusal with the page, the refusal shown by the probes.
 */
public interface AcknowledgementFormPage {

    /**
     * The occurrence's page with {@code error} by its probes, the form of the probe it was about holding what was
     * {@code typed}; refused with 404 for no such occurrence.
     */
    TemplateInstance withAcknowledgementError(long occurrenceId, String error, Typed typed);
}
