package dev.rounds.problem;

import dev.rounds.signoff.EvidenceConfig;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The size limits of a request, in the words a refusal gives them. */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
    MemorySize maxFormAttributeSize;

    @Inject
    EvidenceConfig evidence;

    /** The largest body, in bytes. */
    long maxBodySize() {
        return maxBodySize.asLongValue();
    }

    /** Why a form was refused for its size, with the limits that apply. */
    String formTooLarge() {
        return "a form field has more than " + maxFormAttributeSize.asLongValue() + " bytes"
                + " (quarkus.http.limits.max-form-attribute-size), or the form more than " + maxBodySize.asLongValue()
                + " bytes: a note may have at most 4000 characters, an evidence file at most " + evidence.maxBytes()
                + " bytes; attach longer text as an evidence file";
    }

    /** Why a body was refused for its size ({@code length} -1 when it was not declared). */
    String bodyTooLarge(long length) {
        return "the request body has " + (length < 0 ? "more than " + maxBodySize.asLongValue() : length)
                + " bytes; Rounds takes at most " + maxBodySize.asLongValue()
                + " (quarkus.http.limits.max-body-size), and evidence files may have at most " + evidence.maxBytes()
                + " bytes (rounds.evidence.max-bytes): send a smaller body";
    }
}
