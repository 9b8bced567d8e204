package dev.rounds.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The operator's morning page: every current occurrence once, failures first, with the one action it asks for; its
 * live part refreshes itself.
 */
@Path("/")
@Authenticated
public class DashboardPage {

    static final String LIVE = "live";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(RawString live);

        /** The part of the page that refreshes itself: counters, setup panel and list. */
        static native TemplateInstance live(Dashboard dashboard, ClusterLine cluster);
    }

    @Inject
    DashboardCache dashboard;

    /** The whole page, or with {@code ?fragment=live} only its live part, which {@code /static/dashboard.js} fetches. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public String today(@QueryParam("fragment") String fragment) {
        RawString live = dashboard.live();
        return LIVE.equals(fragment) ? live.getValue() : Templates.today(live).render();
    }
}
