package dev.rounds.calendar;

import dev.rounds.web.FormPost;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A person's calendar token on their account: make or replace it, and see the feeds' addresses once; revoke it. */
@Path("/account/calendar")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CalendarPage {

    /** A feed a person may subscribe to, and its address with the new token in it. */
    public record Feed(String kind, String name, String url) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(Instant since, List<Feed> feeds, String error);
    }

    @Inject
    CalendarTokens tokens;

    @Inject
    CalendarFeeds calendars;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @GET
    public TemplateInstance calendar() {
        return page(List.of(), null);
    }

    /** Shows the feeds' addresses with the new token on the answer page, once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create() {
        return form().show(() -> tokens.create(me()), created -> page(feeds(created.token()), null));
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke() {
        return form().seeOther(() -> tokens.revoke(me()), "/account/calendar");
    }

    private FormPost form() {
        return FormPost.showing(error -> page(List.of(), error)).wording(CalendarPage::sentence);
    }

    private TemplateInstance page(List<Feed> feeds, String error) {
        return Templates.calendar(tokens.activeSince(me()).orElse(null), feeds, error);
    }

    private List<Feed> feeds(String token) {
        String query = ".ics?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        List<Feed> feeds = new ArrayList<>();
        calendars
                .checklists()
                .forEach(c -> feeds.add(new Feed("checklist", c.title(), url("checklists", c.id()) + query)));
        calendars.owners().forEach(o -> feeds.add(new Feed("owner", o, url("owners", o) + query)));
        return feeds;
    }

    private String url(String kind, String name) {
        return uri.getBaseUriBuilder()
                .path("calendar")
                .path(kind)
                .path(name)
                .build()
                .toString();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
