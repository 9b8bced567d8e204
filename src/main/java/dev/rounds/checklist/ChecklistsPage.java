package dev.rounds.checklist;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * The checklists in force as a page: each checklist's cadence and due offset, its activities with their sign-off
 * policy and where they are written, and their probes with targets and conditions. {@code /api/checklists} is the same
 * for tools.
 */
@Path("/checklists")
@Authenticated
public class ChecklistsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checklists(List<Checklist> checklists, Frameworks frameworks);
    }

    @Inject
    ChecklistRegistry registry;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        ChecklistSet current = registry.current();
        return Templates.checklists(current.checklists(), current.frameworks());
    }

    /** Display forms of the checklist model for this page. */
    @TemplateExtension
    static class Shown {

        /** {@code 1d}, {@code 30m}: durations as checklists write them; empty for none. */
        static String written(Duration duration) {
            return duration == null ? "" : Durations.format(duration);
        }

        /** {@code daily.yaml:14}, where the activity is written. */
        static String where(Activity activity, Checklist checklist) {
            return activity.line() > 0 ? checklist.file() + ":" + activity.line() : checklist.file();
        }
    }
}
