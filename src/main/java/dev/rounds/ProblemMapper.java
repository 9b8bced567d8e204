package dev.rounds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rounds.signoff.EvidenceConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns every refusal and failure into an RFC 9457 problem body ({@code type}, {@code title},
 * {@code status}, {@code detail}), or, for a browser asking for a page, into the same words on a page of the
 * application. It maps Rounds' own errors, the HTTP layer's (no such path, wrong method or content type, a body
 * that is not JSON, a failed validation), anything unexpected (a 500 whose cause is logged, not shown), and the
 * bodies Vert.x refuses before any resource sees them (too large, a form field too long).
 */
@ApplicationScoped
public class ProblemMapper {

    /** The media type of every problem body. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(int status, String title, String detail);
    }

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
    MemorySize maxFormAttributeSize;

    @Inject
    EvidenceConfig evidence;

    @ServerExceptionMapper
    public Response toProblem(RoundsException e, ContainerRequestContext request) {
        return problem(request, e.status(), e.title(), e.getMessage());
    }

    /** What the HTTP layer refuses: no such path, a method or content type the path does not take, a broken body. */
    @ServerExceptionMapper
    public Response toProblem(WebApplicationException e, ContainerRequestContext request) {
        Response refused = e.getResponse();
        int status = refused.getStatus();
        if (status < 400 || refused.hasEntity()) {
            return refused;
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return toProblem(json, request);
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String method = request.getMethod();
        if (status == 404 && e.getCause() != null && !request.getUriInfo().getQueryParameters().isEmpty()) {
            // JAX-RS answers a query parameter it cannot convert with 404, as if the path did not exist
            return problem(request, 400, "Invalid query parameter", queryParameterDetail(request, e.getCause()));
        }
        Response.ResponseBuilder answer = switch (status) {
            case 404 -> problemBuilder(request, 404, "Not found", "there is no " + path + " in Rounds"
                    + (isApi(path) ? ": the API's paths are listed at /q/openapi" : ": start from the page at /"));
            case 405 -> problemBuilder(request, 405, "Method not allowed", method + " is not allowed on " + path
                    + "; it allows " + String.join(", ", refused.getAllowedMethods().stream().sorted().toList()));
            case 406 -> problemBuilder(request, 406, "Not acceptable", path + " cannot answer in '"
                    + request.getHeaderString("Accept") + "': accept application/json, or text/html for a page");
            case 415 -> problemBuilder(request, 415, "Unsupported media type", method + " " + path
                    + " does not take a body of type '" + request.getHeaderString("Content-Type")
                    + "': send Content-Type: application/json with a JSON body (multipart/form-data where a file"
                    + " is attached, as the page's form does)");
            // what Vert.x refuses while decoding a form reaches RESTEasy as a bare 413
            case 413 -> problemBuilder(request, 413, "Request too large", formTooLarge());
            default -> problemBuilder(request, status, reason(status), "the request was refused with HTTP " + status
                    + " " + reason(status) + ": " + e.getMessage());
        };
        refused.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private static String queryParameterDetail(ContainerRequestContext request, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        String expected = cause instanceof NumberFormatException ? "a whole number"
                : cause instanceof java.time.DateTimeException ? "a date like 2026-11-01 " + Years.RANGE
                : "a valid value (" + firstLine(message) + ")";
        var parameters = request.getUriInfo().getQueryParameters();
        for (var parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (message.contains("\"" + value + "\"") || (!value.isEmpty() && message.contains(value))) {
                    return "'" + parameter.getKey() + "' must be " + expected + ", got '" + value + "'";
                }
            }
        }
        return "one of the query parameters " + String.join(", ", parameters.keySet().stream().sorted().toList())
                + " could not be read: " + firstLine(message) + "; each must be " + expected;
    }

    /** A body that is not one JSON value of the expected shape: where it broke and what was expected. */
    @ServerExceptionMapper
    public Response toProblem(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String what = mismatch.getTargetType() == Instant.class
                    ? "must be an instant like " + JsonReading.INSTANT_EXAMPLE + " " + Years.RANGE
                            + (mismatch instanceof InvalidFormatException bad ? ", got '" + bad.getValue() + "'" : "")
                    : firstLine(mismatch.getOriginalMessage());
            return problem(request, 400, "Invalid field", "'" + field + "' " + what);
        }
        String where = location(e.getLocation());
        String detail;
        if (e instanceof StreamConstraintsException) {
            detail = "the body exceeds a JSON limit: " + firstLine(e.getOriginalMessage())
                    + ": send a flatter or smaller document";
        } else if (firstLine(e.getOriginalMessage()).startsWith("Trailing token")) {
            detail = "the body has more after its JSON value" + where + ": send exactly one JSON value";
        } else {
            detail = "the body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage())
                    + "; send one JSON value encoded in UTF-8";
        }
        return problem(request, 400, "Malformed JSON", detail);
    }

    /** Quarkus maps this subtype itself; this mapper, as specific as that one, keeps the problem body. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response toProblem(MismatchedInputException e, ContainerRequestContext request) {
        return toProblem((JsonProcessingException) e, request);
    }

    /** A failed {@code @Valid}, {@code @Min} or similar: each field or parameter with what it must be. */
    @ServerExceptionMapper
    public Response toProblem(ConstraintViolationException e, ContainerRequestContext request) {
        List<String> violations = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String name = null;
            for (Path.Node node : violation.getPropertyPath()) {
                returnValue |= node.getKind() == ElementKind.RETURN_VALUE;
                if (node.getName() != null) name = node.getName();
            }
            violations.add("'" + name + "' " + violation.getMessage()
                    + (violation.getInvalidValue() == null || violation.getInvalidValue() instanceof String s && s.length() > 100
                            ? "" : ", got '" + violation.getInvalidValue() + "'"));
        }
        if (returnValue) {
            return unexpected(e, request);
        }
        return problem(request, 400, "Invalid request", violations.stream().sorted().collect(Collectors.joining("; ")));
    }

    @ServerExceptionMapper
    public Response toProblem(ForbiddenException e, ContainerRequestContext request) {
        return problem(request, 403, "Forbidden", "your account's roles do not allow " + request.getMethod() + " "
                + request.getUriInfo().getPath() + ": ask an administrator for the role it needs");
    }

    /** Anything else is Rounds' fault: logged once with its stack trace, answered without it. */
    @ServerExceptionMapper
    public Response toProblem(Throwable e, ContainerRequestContext request) {
        return unexpected(e, request);
    }

    private Response unexpected(Throwable e, ContainerRequestContext request) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "request failed error_id=%s method=%s path=%s error=%s", id, request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), e.getClass().getName());
        return problem(request, 500, "Internal error", unexpectedDetail(id));
    }

    private static String unexpectedDetail(String id) {
        return "Rounds failed to answer this request; nothing was changed by the failure itself. Try again, and if it"
                + " fails again give the administrator error_id=" + id + ", which the log has with the cause";
    }

    /** A problem answered to a request that RESTEasy has seen. */
    public static Response problem(ContainerRequestContext request, int status, String title, String detail) {
        return problemBuilder(request, status, title, detail).build();
    }

    private static Response.ResponseBuilder problemBuilder(ContainerRequestContext request, int status, String title,
            String detail) {
        if (wantsPage(request.getUriInfo().getRequestUri().getRawPath(), request.getHeaderString("Accept"))) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.problem(status, title, detail));
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

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Runs before every other handler and failure handler, for what is refused or fails outside RESTEasy. */
    void install(@Observes Router router) {
        router.route().order(-300).handler(this::refuseOversizeBody);
        router.route().order(-300).failureHandler(this::refusedByVertx);
    }

    /**
     * Quarkus refuses a body whose Content-Length is over {@code quarkus.http.limits.max-body-size} with a bare 413
     * before any other handler; this does the same check first and says what the limit is.
     */
    private void refuseOversizeBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBodySize.asLongValue()) {
            context.next();
            return;
        }
        LOG.debugf("request refused status=413 method=%s path=%s length=%d", context.request().method(),
                context.request().path(), length);
        context.response().endHandler(ended -> context.request().connection().close());
        answer(context, 413, "Request too large", bodyTooLarge(length));
    }

    private String formTooLarge() {
        return "a form field has more than " + maxFormAttributeSize.asLongValue() + " bytes"
                + " (quarkus.http.limits.max-form-attribute-size), or the form more than " + maxBodySize.asLongValue()
                + " bytes: a note may have at most 4000 characters, an evidence file at most " + evidence.maxBytes()
                + " bytes; attach longer text as an evidence file";
    }

    private String bodyTooLarge(long length) {
        return "the request body has " + (length < 0 ? "more than " + maxBodySize.asLongValue() : length)
                + " bytes; Rounds takes at most " + maxBodySize.asLongValue()
                + " (quarkus.http.limits.max-body-size), and evidence files may have at most " + evidence.maxBytes()
                + " bytes (rounds.evidence.max-bytes): send a smaller body";
    }

    /**
     * Bodies Vert.x refuses before RESTEasy reads them (too large, a form field too long, a broken form) and
     * anything else that fails outside RESTEasy. Authentication failures are left to Quarkus, which answers them
     * with a challenge or a redirect to the login page.
     */
    private void refusedByVertx(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten() || context.response().ended() || isSecurity(failure)) {
            context.next();
            return;
        }
        int status = context.statusCode();
        String message = failure == null ? "" : String.valueOf(failure.getMessage());
        boolean fieldTooLong = failure != null && (failure.getClass().getSimpleName().contains("TooLongFormField")
                || message.contains("Size exceed allowed maximum capacity"));
        if (fieldTooLong) status = 413;
        if (status < 400) status = 500;
        String title;
        String detail;
        if (status == 413) {
            title = "Request too large";
            detail = fieldTooLong
                    ? formTooLarge() : bodyTooLarge(-1);
        } else if (status == 400) {
            title = "Bad request";
            detail = "the request body could not be read: " + message
                    + "; send a well-formed multipart/form-data or JSON body";
        } else if (status >= 500) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(failure, "request failed error_id=%s method=%s path=%s error=%s", id,
                    context.request().method(), context.request().path(),
                    failure == null ? "none" : failure.getClass().getName());
            title = "Internal error";
            detail = unexpectedDetail(id);
        } else {
            title = reason(status);
            detail = "the request was refused with HTTP " + status + " " + title;
        }
        if (failure != null && status < 500) {
            LOG.debugf("request refused status=%d method=%s path=%s error=%s", status, context.request().method(),
                    context.request().path(), failure);
        }
        answer(context, status, title, detail);
    }

    private static void answer(RoutingContext context, int status, String title, String detail) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        String page = wantsPage(context.request().path(), accept) ? page(status, title, detail) : null;
        context.response().setStatusCode(status);
        if (status == 413) {
            // the rest of a body too large is not read: the connection cannot carry another request
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        if (page != null) {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(page);
        } else {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                    .end(io.vertx.core.json.Json.encode(body(status, title, detail)));
        }
    }

    /** The page of a refusal, in the application's layout where it can be rendered, else a plain one. */
    public static String page(int status, String title, String detail) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) requestContext.activate();
        try {
            return Templates.problem(status, title, detail).render();
        } catch (RuntimeException e) {
            LOG.debugf("problem page rendered without the layout error=%s", e);
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rounds — " + escape(title)
                    + "</title><link rel=\"stylesheet\" href=\"/rounds.css\"></head><body><main><h1>" + escape(title)
                    + "</h1><p class=\"error\" role=\"alert\">" + escape(detail) + "</p><p><a href=\"/\">Back to"
                    + " today's rounds</a></p></main></body></html>";
        } finally {
            if (activated) requestContext.terminate();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean isSecurity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SecurityException || t.getClass().getName().startsWith("io.quarkus.security.")
                    || t.getClass().getName().startsWith("io.quarkus.vertx.http.runtime.security.")) {
                return true;
            }
        }
        return false;
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
