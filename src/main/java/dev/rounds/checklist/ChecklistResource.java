package dev.rounds.checklist;

import dev.rounds.core.ProblemTitle;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The checklists in force, and the reload an admin triggers after editing them. */
@Path("/api/checklists")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ChecklistResource {

    /** The problem type of a rejected reload. */
    public static final String INVALID_TYPE = "urn:rounds:problem:checklists-invalid";

    private final ChecklistRegistry registry;

    ChecklistResource(ChecklistRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<ChecklistView> list() {
        return registry.current().checklists().stream().map(ChecklistView::of).toList();
    }

    /** 200 with the loaded files' hashes, or 422 with every problem while the previous configuration stays. */
    @POST
    @Path("/reload")
    @RolesAllowed("admin")
    public Response reload(@Context SecurityContext security) {
        String actor = security.getUserPrincipal().getName();
        LoadResult result = registry.reload(actor);
        if (result.isValid()) {
            return Response.ok(Map.of("files", result.files())).build();
        }
        return Response.status(422)
                .type("application/problem+json")
                .entity(new ReloadProblem(
                        INVALID_TYPE,
                        ProblemTitle.CHECKLISTS_NOT_RELOADED.text(),
                        result.problems().size() + " problem(s) in " + registry.folder()
                                + "; the previous configuration stays in force",
                        result.problems().stream().map(Problem::toString).toList()))
                .build();
    }

    /** A rejected reload, as an RFC 9457 problem with the problem lines. */
    public record ReloadProblem(String type, String title, String detail, List<String> problems) {}

    /**
     * A checklist as the API shows it; durations as checklists write them.
     *
     * @param starts the first date of a recurrence rule counted from one, else {@code null}
     */
    public record ChecklistView(
            String id,
            String title,
            String cadence,
            LocalDate starts,
            String due,
            String timezone,
            String owner,
            String file,
            String sha256,
            List<ActivityView> activities) {

        static ChecklistView of(Checklist c) {
            return new ChecklistView(
                    c.id(),
                    c.title(),
                    c.cadence().yamlName(),
                    c.cadence().starts().orElse(null),
                    Durations.format(c.due()),
                    c.timezone().getId(),
                    c.owner(),
                    c.file(),
                    c.sha256(),
                    c.activities().stream().map(a -> ActivityView.of(c, a)).toList());
        }
    }

    /** An activity with its effective due offset. */
    public record ActivityView(
            String id,
            String title,
            String guidance,
            String due,
            String signoff,
            boolean enabled,
            String pausedReason,
            List<ProbeView> probes,
            List<String> controls) {

        static ActivityView of(Checklist checklist, Activity a) {
            return new ActivityView(
                    a.id(),
                    a.title(),
                    a.guidance(),
                    Durations.format(checklist.dueOf(a)),
                    a.signoff().yamlName(),
                    a.enabled(),
                    a.pausedReason(),
                    a.probes().stream().map(ProbeView::of).toList(),
                    a.controls().stream().map(ControlRef::toString).toList());
        }
    }

    /** A probe with the targets it resolved to; {@code timeout} is its own, or null when inherited. */
    public record ProbeView(
            int index,
            String type,
            String target,
            List<String> targets,
            String every,
            String timeout,
            int confirm,
            List<String> expect) {

        static ProbeView of(ProbeSpec p) {
            return new ProbeView(
                    p.index(),
                    p.type(),
                    p.targetRef(),
                    p.targets().stream().map(Target::id).toList(),
                    format(p.every()),
                    format(p.timeout()),
                    p.confirm(),
                    p.expect().stream().map(Condition::text).toList());
        }

        private static String format(Duration duration) {
            return duration == null ? null : Durations.format(duration);
        }
    }
}
