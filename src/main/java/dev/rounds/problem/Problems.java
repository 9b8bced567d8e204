package dev.rounds.problem;

import dev.rounds.core.ProblemTitle;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The problem body of RFC 9457 ({@code type}, {@code title}, {@code status}, {@code detail}) and, for a browser asking
 * for a page, the same words on a page of the application: the one shape of every refusal and failure.
 */
public final class Problems {

    /** The media type of every problem body. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(Problems.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(ProblemPage problem);
    }

    private Problems() {}

    /**
     * A failure of Rounds' own, wherever it is caught: logged once, with its cause, under a new error_id; the
     * answer is the detail of the 500, which names that id and no more.
     */
    static String failed(Throwable failure, String method, String path) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(
                failure,
                "request failed error_id=%s method=%s path=%s error=%s",
                id,
                method,
                path,
                failure == null ? "none" : failure.getClass().getName());
        return "Rounds failed to answer this request; nothing was changed by the failure itself. Try again, and if it"
                + " fails again give the administrator error_id=" + id + ", which the log has with the cause";
    }

    /** A problem answered to a request that RESTEasy has seen. */
    public static Response problem(ContainerRequestContext request, int status, ProblemTitle title, String detail) {
        return builder(request, status, title.text(), detail).build();
    }

    static Response.ResponseBuilder builder(ContainerRequestContext request, int status, String title, String detail) {
        if (wantsPage(request.getUriInfo().getRequestUri().getRawPath(), request.getHeaderString("Accept"))) {
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(
                            ProblemPage.of(
                                    status,
                                    title,
                                    detail,
                                    request.getHeaderString("Referer"),
                                    request.getHeaderString("Host")),
                            null));
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, title, detail));
    }

    /** The problem body's fields, in the order RFC 9457 lists them. */
    public static Map<String, Object> body(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    /**
     * A page rather than a problem body: outside {@code /api} and {@code /q}, for a client that names
     * {@code text/html} among what it accepts, as browsers do. A client accepting anything gets JSON.
     */
    public static boolean wantsPage(String path, String accept) {
        if (isApi(path) || path.startsWith("/q/") || accept == null) return false;
        for (String type : accept.split(",")) {
            if (type.strip().toLowerCase().startsWith("text/html")) return true;
        }
        return false;
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * The page of a refusal, in the application's layout with the nav the person's roles open. A refusal answered
     * outside RESTEasy ({@code http} not {@code null}) is drawn in a request context of its own that knows the
     * request, so that the layout sees who asked. Should the layout fail, a plain page says the same.
     */
    public static String page(ProblemPage problem, RoutingContext http) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) requestContext.activate();
        try {
            if (http != null) {
                CurrentVertxRequest current =
                        Arc.container().instance(CurrentVertxRequest.class).get();
                if (current.getCurrent() == null) current.setCurrent(http);
            }
            return Templates.problem(problem).render();
        } catch (RuntimeException e) {
            LOG.debugf("problem page rendered without the layout error=%s", e);
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rounds — "
                    + escape(problem.title()) + "</title><link rel=\"stylesheet\" href=\"/rounds.css\"></head><body>"
                    + "<main><h1>" + escape(problem.title()) + "</h1><p class=\"error\" role=\"alert\">"
                    + escape(problem.detail()) + "</p><p>" + escape(problem.whereNext()) + "</p><p><a href=\"/\">"
                    + "Back to today's rounds</a></p></main></body></html>";
        } finally {
            if (activated) requestContext.terminate();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /**
     * The title of a refusal known only by its HTTP status: the vocabulary's ({@link ProblemTitle}) where it has
     * one for the status, else HTTP's reason phrase in the same lower case.
     */
    static String title(int status) {
        return switch (status) {
            case 400 -> ProblemTitle.BAD_REQUEST.text();
            case 403 -> ProblemTitle.FORBIDDEN.text();
            case 404 -> ProblemTitle.NOT_FOUND.text();
            case 405 -> ProblemTitle.METHOD_NOT_ALLOWED.text();
            case 406 -> ProblemTitle.NOT_ACCEPTABLE.text();
            case 413 -> ProblemTitle.REQUEST_TOO_LARGE.text();
            case 415 -> ProblemTitle.UNSUPPORTED_MEDIA_TYPE.text();
            case 500 -> ProblemTitle.INTERNAL_ERROR.text();
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "HTTP " + status : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            }
        };
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
