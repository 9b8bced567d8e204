package dev.rounds.ack;

import io.quarkus.qute.TemplateInstance;

/**
 * The page the acknowledgement forms are on: the occurrence page, which the reports draw and which implements this,
 * so that a form can answer a refusal with the page, the refusal shown by the probes.
 */
public interface AcknowledgementFormPage {

    /** The occurrence's page with {@code error} by its probes; refused with 404 for no such occurrence. */
    TemplateInstance withAcknowledgementError(long occurrenceId, String error);
}
