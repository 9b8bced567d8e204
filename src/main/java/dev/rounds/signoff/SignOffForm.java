package dev.rounds.signoff;

import dev.rounds.core.Roles;
import dev.rounds.web.FormPost;
import dev.rounds.web.Typed;
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

    static final String FILE_AGAIN =
            "Choose the evidence file again: a browser does not keep it when a form comes back.";

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
        FormPost form = FormPost.keeping(
                        Typed.of("note", note, "reference", reference, "link", link),
                        (error, typed) -> page.withSignOffError(id, error, typed))
                .wording(error -> error + again(file));
        if (note == null || note.isBlank()) {
            return form.refuse(422, "Write a note saying what was checked." + again(file));
        }
        return form.seeOther(
                () -> signOffs.signOff(
                        id,
                        identity.getPrincipal().getName(),
                        new SignOffRequest(note, reference, link),
                        EvidenceUpload.of(file)),
                "/occurrences/" + id);
    }

    /** What a refusal adds when a file was chosen: browsers never fill in a file field again. */
    private static String again(FileUpload file) {
        return file != null && file.fileName() != null && !file.fileName().isBlank() ? " " + FILE_AGAIN : "";
    }
}
