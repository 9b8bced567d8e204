package dev.rounds.signoff;

import dev.rounds.core.Roles;
import dev.rounds.web.FormPost;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The sign-off form of the occurrence page, posted to the page's own address. A sign-off goes back to the page by
 * that address; a refusal is answered with the page itself ({@link SignOffFormPage}), the refusal next to the form.
 */
@Path("/occurrences/{id}")
@RolesAllowed(Roles.OPERATOR)
public class SignOffForm {

    @Inject
    SignOffService signOffs;

    @Inject
    SignOffFormPage page;

    @Inject
    SecurityIdentity identity;

    /** The sign-off, with an optional file; errors come back on the page, next to the form, with nothing recorded. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response signOff(
            @PathParam("id") long id,
            @RestForm String note,
            @RestForm String reference,
            @RestForm String link,
            @RestForm("file") FileUpload file) {
        FormPost form = FormPost.showing(error -> page.withSignOffError(id, error));
        if (note == null || note.isBlank()) {
            return form.refuse(422, "Write a note saying what was checked.");
        }
        return form.seeOther(
                () -> signOffs.signOff(
                        id,
                        identity.getPrincipal().getName(),
                        new SignOffRequest(note, reference, link),
                        EvidenceUpload.of(file)),
                "/occurrences/" + id);
    }
}
