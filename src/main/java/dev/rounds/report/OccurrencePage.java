package dev.rounds.report;

import dev.rounds.ack.AcknowledgementFormPage;
import dev.rounds.checklist.Activity;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ControlRef;
import dev.rounds.checklist.Frameworks;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.Roles;
import dev.rounds.core.RoundsException;
import dev.rounds.schedule.Occurrence;
import dev.rounds.signoff.SignOff;
import dev.rounds.signoff.SignOffFormPage;
import dev.rounds.signoff.SignOffResource.SignOffView;
import dev.rounds.web.Typed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One occurrence: what it asks, what the probes say, who signed it off with what evidence; the sign-off form and
 * the forms that acknowledge a failing probe, which their features answer ({@code signoff.SignOffForm},
 * {@code ack.AcknowledgementForms}), showing a refusal on this page.
 */
@Path("/occurrences/{id}")
@Authenticated
@Singleton
public class OccurrencePage implements SignOffFormPage, AcknowledgementFormPage {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /**
     * What the page shows besides the occurrence: {@code error} next to the sign-off form, which holds what was
     * {@code typed}; {@code ackError} by the probes, the probe's form holding {@code ackTyped}. The forms are offered
     * only to operators, who alone may send them.
     */
    public record Forms(
            String error,
            Typed typed,
            String ackError,
            Typed ackTyped,
            String defaultUntil,
            boolean canDownloadEvidence,
            boolean operator) {

        /** The end an acknowledgement form shows: what was typed into the probe's form, else the default. */
        public String until(String probe) {
            return ackTyped.chose("probe", probe) && !ackTyped.value("until").isBlank()
                    ? ackTyped.value("until")
                    : defaultUntil;
        }

        /** The reason an acknowledgement form shows: what was typed into the probe's form, else nothing. */
        public String reason(String probe) {
            return ackTyped.chose("probe", probe) ? ackTyped.value("reason") : "";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance occurrence(
                Dashboard.Row row,
                Occurrence occurrence,
                List<SignOffView> signoffs,
                Forms forms,
                List<ControlRef> controls,
                Frameworks frameworks);
    }

    @Inject
    Clock clock;

    @Inject
    ChecklistRegistry registry;

    @Inject
    DashboardAssembler assembler;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, null, Typed.NOTHING, null, Typed.NOTHING);
    }

    @Override
    public TemplateInstance withSignOffError(long id, String error, Typed typed) {
        return render(id, error, typed, null, Typed.NOTHING);
    }

    @Override
    public TemplateInstance withAcknowledgementError(long id, String error, Typed typed) {
        return render(id, null, Typed.NOTHING, error, typed);
    }

    private TemplateInstance render(long id, String error, Typed typed, String ackError, Typed ackTyped) {
        Occurrence o = Occurrence.findById(id);
        if (o == null) {
            throw new RoundsException(404, ProblemTitle.NOT_FOUND, "there is no occurrence " + id);
        }
        ChecklistSet checklists = registry.current();
        Dashboard.Row row = assembler.row(checklists, o);
        List<ControlRef> controls = checklists
                .checklist(o.checklistId)
                .flatMap(c -> c.activity(o.activityId))
                .map(Activity::controls)
                .orElse(List.of());
        String defaultUntil = LOCAL_INPUT.format(clock.instant()
                .plus(Duration.ofDays(1))
                .truncatedTo(ChronoUnit.HOURS)
                .atOffset(ZoneOffset.UTC));
        Forms forms = new Forms(
                error,
                typed,
                ackError,
                ackTyped,
                defaultUntil,
                identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.MANAGER),
                identity.hasRole(Roles.OPERATOR));
        return Templates.occurrence(
                row,
                o,
                SignOff.findByOccurrence(id).stream().map(SignOffView::of).toList(),
                forms,
                controls,
                checklists.frameworks());
    }
}
