package dev.rounds.problem;

import dev.rounds.core.ProblemTitle;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form whose CSRF token is missing or does not match its cookie with a bare 400. Every
 * other refusal in Rounds says what was wrong, so this one does too. Only form and multipart posts are checked
 * for a token, and Rounds' own 400s always carry a problem body, so a bare 400 to such a post is the token's.
 */
public class CsrfRefusals {

    static final String TITLE = ProblemTitle.CSRF_TOKEN_REFUSED.text();

    static final String DETAIL = "the form's CSRF token is missing or does not match its csrf-token cookie: "
            + "reload the page and submit it again (API clients: send the csrf-token cookie back in the "
            + "X-CSRF-TOKEN header, or send JSON)";

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !isForm(request.getMediaType())) return;
        if (Problems.wantsPage(request.getUriInfo().getRequestUri().getRawPath(), request.getHeaderString("Accept"))) {
            ProblemPage page = ProblemPage.of(
                    400, TITLE, DETAIL, request.getHeaderString("Referer"), request.getHeaderString("Host"));
            response.setEntity(Problems.page(page, null), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            return;
        }
        response.setEntity(Problems.body(400, TITLE, DETAIL), null, MediaType.valueOf(Problems.PROBLEM_JSON));
    }

    private static boolean isForm(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
