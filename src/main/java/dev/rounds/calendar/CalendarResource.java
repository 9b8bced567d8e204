package dev.rounds.calendar;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * The calendar feeds, for calendar applications to subscribe to. They cannot log in or send headers, so the
 * personal calendar token in the address is the credential; it is checked before anything the address names, and it
 * opens nothing but these feeds.
 */
@Path("/calendar")
@PermitAll
@Produces(CalendarResource.TEXT_CALENDAR)
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    @Inject
    CalendarTokens tokens;

    @Inject
    CalendarFeeds feeds;

    @Inject
    RoutingContext http;

    @Context
    UriInfo uri;

    @GET
    @Path("/checklists/{id}.ics")
    public String checklist(@PathParam("id") String id, @QueryParam("token") String token) {
        tokens.holder(token, http);
        return feeds.ofChecklist(id, uri.getBaseUri());
    }

    @GET
    @Path("/owners/{owner}.ics")
    public String owner(@PathParam("owner") String owner, @QueryParam("token") String token) {
        tokens.holder(token, http);
        return feeds.ofOwner(owner, uri.getBaseUri());
    }
}
