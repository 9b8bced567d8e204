package dev.rounds.advisory;

import dev.rounds.core.Roles;
import dev.rounds.web.FormPost;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The advisories page: stored advisories by triage state, with a triage form for each. */
@Path("/advisories")
@Authenticated
public class AdvisoriesPage {

    /** One state's tab: its label, how many advisories are in it, and whether it is the one shown. */
    public record Tab(String state, long count, boolean shown) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance advisories(
                String shown, List<Tab> tabs, List<AdvisoryView> advisories, List<String> decisions, String error);
    }

    @Inject
    AdvisoryService advisories;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("state") String state) {
        return render(state, null);
    }

    /** The form's decision; errors come back on the page with nothing recorded. */
    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.OPERATOR)
    public Response triage(
            @PathParam("id") long id,
            @FormParam("state") String state,
            @FormParam("note") String note,
            @FormParam("shown") String shown) {
        String back = shown == null || TriageState.of(shown).isEmpty() ? TriageState.NEW.label() : shown;
        return FormPost.showing(error -> render(back, error))
                .seeOther(
                        () -> advisories.triage(id, identity.getPrincipal().getName(), new TriageRequest(state, note)),
                        "/advisories?state=" + back);
    }

    private TemplateInstance render(String state, String error) {
        String shown = state == null || state.isBlank() ? TriageState.NEW.label() : state;
        List<AdvisoryView> listed = advisories.list(shown);
        Map<TriageState, Long> counts = advisories.counts();
        List<Tab> tabs = counts.entrySet().stream()
                .map(e -> new Tab(
                        e.getKey().label(), e.getValue(), e.getKey().label().equals(shown)))
                .toList();
        List<String> decisions =
                List.of(TriageState.APPLIES.label(), TriageState.NOT_APPLICABLE.label(), TriageState.PATCHED.label());
        return Templates.advisories(shown, tabs, listed, decisions, error);
    }
}
