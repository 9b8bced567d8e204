package dev.rounds.signoff;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.Roles;
import dev.rounds.core.RoundsException;
import dev.rounds.schedule.Occurrence;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** An occurrence's sign-offs over REST: record one (JSON, or multipart with an evidence file), list them. */
@Path("/api/occurrences/{id}")
@Authenticated
public class SignOffResource {

    @Inject
    SignOffService signOffs;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    /** A sign-off as the API shows it. */
    public record SignOffView(
            long id,
            long occurrenceId,
            String actor,
            Instant signedAt,
            String note,
            String reference,
            String link,
            EvidenceView evidence,
            Long supersedes) {

        public static SignOffView of(SignOff s) {
            return new SignOffView(
                    s.id,
                    s.occurrenceId,
                    s.actor,
                    s.signedAt,
                    s.note,
                    s.reference,
                    s.link,
                    Evidence.findBySignOff(s.id).map(EvidenceView::of).orElse(null),
                    s.supersedesId);
        }
    }

    /** An evidence file's record; {@code download} is where auditors and managers fetch it. */
    public record EvidenceView(long id, String name, String mediaType, long size, String sha256, String download) {

        public static EvidenceView of(Evidence e) {
            return new EvidenceView(e.id, e.fileName, e.mediaType, e.sizeBytes, e.sha256, "/api/evidence/" + e.id);
        }
    }

    @POST
    @Path("/signoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response signOff(@PathParam("id") long occurrenceId, @Valid @NotNull SignOffRequest request) {
        return created(signOffs.signOff(occurrenceId, identity.getPrincipal().getName(), request));
    }

    /** The same with an evidence file in the part {@code file}; like every form post it carries the CSRF token. */
    @POST
    @Path("/signoff")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.OPERATOR)
    public Response signOffWithEvidence(
            @PathParam("id") long occurrenceId,
            @RestForm String note,
            @RestForm String reference,
            @RestForm String link,
            @RestForm("file") FileUpload file) {
        SignOffRequest request = new SignOffRequest(note, reference, link);
        Set<ConstraintViolation<SignOffRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new SignOffRefused(
                    400,
                    violations.stream()
                            .map(v -> "'" + v.getPropertyPath() + "' " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        return created(
                signOffs.signOff(occurrenceId, identity.getPrincipal().getName(), request, EvidenceUpload.of(file)));
    }

    @GET
    @Path("/signoffs")
    public List<SignOffView> list(@PathParam("id") long occurrenceId) {
        if (Occurrence.findById(occurrenceId) == null) {
            throw new RoundsException(404, ProblemTitle.NOT_FOUND, "there is no occurrence " + occurrenceId);
        }
        return SignOff.findByOccurrence(occurrenceId).stream()
                .map(SignOffView::of)
                .toList();
    }

    private static Response created(SignOff s) {
        return Response.created(URI.create("/api/signoffs/" + s.id))
                .entity(SignOffView.of(s))
                .build();
    }
}
