package dev.rounds.signoff;

import dev.rounds.web.Typed;
import io.quarkus.qute.TemplateInstance;

/**
 * The page the sign-off form is on: the occurrence page, which the reports draw and which implements this, so that
 * the form can answer a refusal with the page, the refusal shown next to the form.
 */
public interface SignOffFormPage {

    /**
     * The occurrence's page with {@code error} next to its sign-off form, which holds what was {@code typed}; refused
     * with 404 for no such occurrence.
     */
    TemplateInstance withSignOffError(long occurrenceId, String error, Typed typed);
}
