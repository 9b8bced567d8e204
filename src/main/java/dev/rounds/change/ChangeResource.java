package dev.rounds.change;

import dev.rounds.core.Roles;
import dev.rounds.core.Years;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The change log over REST: operators request, classify and implement changes; managers approve, reject and
 * review them; anyone reads them.
 */
@Path("/api/changes")
public class ChangeResource {

    @Inject
    ChangeService changes;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response request(@Valid @NotNull ChangeRequest request) {
        Change c = changes.request(actor(), request);
        return Response.created(URI.create("/api/changes/" + c.id))
                .entity(ChangeView.of(c))
                .build();
    }

    /**
     * Every change, newest first; or, with {@code from} and {@code to} (dates, both days included, UTC), the
     * changes planned in, requested in or implemented in those days, in planned order.
     */
    @GET
    public List<ChangeView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null && to == null) {
            return changes.all().stream().map(ChangeView::of).toList();
        }
        LocalDate first = day(from, "from");
        LocalDate last = day(to, "to");
        return changes
                .between(
                        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .stream()
                .map(ChangeView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public ChangeView get(@PathParam("id") long id) {
        return ChangeView.of(changes.get(id));
    }

    @POST
    @Path("/{id}/classify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ChangeView classify(@PathParam("id") long id, @Valid ChangeSteps.Classification body) {
        return ChangeView.of(
                changes.classify(id, actor(), body == null ? new ChangeSteps.Classification(null, null) : body));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public ChangeView approve(@PathParam("id") long id, @Valid ChangeSteps.Decision body) {
        return ChangeView.of(changes.approve(id, actor(), body));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public ChangeView reject(@PathParam("id") long id, @Valid ChangeSteps.Decision body) {
        return ChangeView.of(changes.reject(id, actor(), body));
    }

    @POST
    @Path("/{id}/implement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ChangeView implement(@PathParam("id") long id, @Valid ChangeSteps.Implementation body) {
        return ChangeView.of(
                changes.implement(id, actor(), body == null ? new ChangeSteps.Implementation(null, null) : body));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public ChangeView review(@PathParam("id") long id, @Valid ChangeSteps.Review body) {
        return ChangeView.of(changes.review(id, actor(), body == null ? new ChangeSteps.Review(null, null) : body));
    }

    private static LocalDate day(String text, String name) {
        LocalDate day;
        try {
            day = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new ChangeRefused(
                    400,
                    "'" + name + "' must be a date like 2026-11-23, and 'from' and 'to' " + "come together; got '"
                            + text + "'");
        }
        if (!Years.inRange(day)) {
            throw new ChangeRefused(
                    400, "'" + name + "' must be a date like 2026-11-23 " + Years.RANGE + "; got '" + text + "'");
        }
        return day;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
