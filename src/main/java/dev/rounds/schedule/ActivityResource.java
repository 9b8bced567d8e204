package dev.rounds.schedule;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An activity across periods: its history, and running its probes on demand. */
@Path("/api/activities/{checklist}/{activity}")
@Authenticated
public class ActivityResource {

    @Inject
    ScheduleService schedule;

    @Inject
    SecurityIdentity identity;

    /** Every occurrence of the activity, newest first. */
    @GET
    @Path("/history")
    public List<OccurrenceResource.OccurrenceView> history(
            @PathParam("checklist") String checklist, @PathParam("activity") String activity) {
        return Occurrence.<Occurrence>list(
                        "checklistId = ?1 and activityId = ?2 order by periodStart desc", checklist, activity)
                .stream()
                .map(OccurrenceResource.OccurrenceView::of)
                .toList();
    }

    /** Starts the activity's probes now; their results arrive as they finish. */
    @POST
    @Path("/run")
    @RolesAllowed("operator")
    public Response run(@PathParam("checklist") String checklist, @PathParam("activity") String activity) {
        schedule.runNow(checklist, activity, identity.getPrincipal().getName());
        return Response.accepted().build();
    }
}
