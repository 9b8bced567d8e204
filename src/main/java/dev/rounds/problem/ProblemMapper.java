package dev.rounds.problem;

import static dev.rounds.core.ProblemTitle.FORBIDDEN;
import static dev.rounds.core.ProblemTitle.INTERNAL_ERROR;
import static dev.rounds.core.ProblemTitle.INVALID_FIELD;
import static dev.rounds.core.ProblemTitle.INVALID_QUERY_PARAMETER;
import static dev.rounds.core.ProblemTitle.INVALID_REQUEST;
import static dev.rounds.core.ProblemTitle.MALFORMED_JSON;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rounds.core.JsonReading;
import dev.rounds.core.RoundsException;
import dev.rounds.core.Years;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every refusal and failure that RESTEasy sees into a problem ({@link Problems}): Rounds' own errors, the HTTP
 * layer's (no such path, wrong method or content type, a body that is not JSON, a failed validation), and anything
 * unexpected (a 500 whose cause is logged, not shown). What Vert.x refuses before RESTEasy is {@link VertxRefusals}'.
 */
@ApplicationScoped
public class ProblemMapper {

    @Inject
    RequestLimits limits;

    @ServerExceptionMapper
    public Response toProblem(RoundsException e, ContainerRequestContext request) {
        return Problems.problem(request, e.status(), e.title(), e.getMessage());
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
        if (status == 404
                && e.getCause() != null
                && !request.getUriInfo().getQueryParameters().isEmpty()) {
            // JAX-RS answers a query parameter it cannot convert with 404, as if the path did not exist
            return Problems.problem(request, 400, INVALID_QUERY_PARAMETER, queryParameterDetail(request, e.getCause()));
        }
        String detail = switch (status) {
            case 404 ->
                "there is no " + path + " in Rounds"
                        + (Problems.isApi(path)
                                ? ": the API's paths are listed at /q/openapi"
                                : ": start from the page at /");
            case 405 ->
                method + " is not allowed on " + path + "; it allows "
                        + String.join(
                                ", ",
                                refused.getAllowedMethods().stream().sorted().toList());
            case 406 ->
                path + " cannot answer in '" + request.getHeaderString("Accept")
                        + "': accept application/json, or text/html for a page";
            case 415 ->
                method + " " + path + " does not take a body of type '"
                        + request.getHeaderString("Content-Type")
                        + "': send Content-Type: application/json with a JSON body (multipart/form-data where a file"
                        + " is attached, as the page's form does)";
            // what Vert.x refuses while decoding a form reaches RESTEasy as a bare 413
            case 413 -> limits.formTooLarge();
            default ->
                "the request was refused with HTTP " + status + " " + Problems.reason(status) + ": " + e.getMessage();
        };
        Response.ResponseBuilder answer = Problems.builder(request, status, Problems.title(status), detail);
        refused.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private static String queryParameterDetail(ContainerRequestContext request, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        String expected = cause instanceof NumberFormatException
                ? "a whole number"
                : cause instanceof java.time.DateTimeException
                        ? "a date like 2026-11-01 " + Years.RANGE
                        : "a valid value (" + firstLine(message) + ")";
        var parameters = request.getUriInfo().getQueryParameters();
        for (var parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (message.contains("\"" + value + "\"") || (!value.isEmpty() && message.contains(value))) {
                    return "'" + parameter.getKey() + "' must be " + expected + ", got '" + value + "'";
                }
            }
        }
        return "one of the query parameters "
                + String.join(", ", parameters.keySet().stream().sorted().toList()) + " could not be read: "
                + firstLine(message) + "; each must be " + expected;
    }

    /** A body that is not one JSON value of the expected shape: where it broke and what was expected. */
    @ServerExceptionMapper
    public Response toProblem(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String what = mismatch.getTargetType() == Instant.class
                    ? "must be an instant like " + JsonReading.INSTANT_EXAMPLE + " " + Years.RANGE
                            + (mismatch instanceof InvalidFormatException bad ? ", got '" + bad.getValue() + "'" : "")
                    : firstLine(mismatch.getOriginalMessage());
            return Problems.problem(request, 400, INVALID_FIELD, "'" + field + "' " + what);
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
        return Problems.problem(request, 400, MALFORMED_JSON, detail);
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
                    + (violation.getInvalidValue() == null
                                    || violation.getInvalidValue() instanceof String s && s.length() > 100
                            ? ""
                            : ", got '" + violation.getInvalidValue() + "'"));
        }
        if (returnValue) {
            return unexpected(e, request);
        }
        return Problems.problem(
                request, 400, INVALID_REQUEST, violations.stream().sorted().collect(Collectors.joining("; ")));
    }

    @ServerExceptionMapper
    public Response toProblem(ForbiddenException e, ContainerRequestContext request) {
        return Problems.problem(
                request,
                403,
                FORBIDDEN,
                "your account's roles do not allow " + request.getMethod() + " "
                        + request.getUriInfo().getPath() + ": ask an administrator for the role it needs");
    }

    /** Anything else is Rounds' fault: logged once with its stack trace, answered without it. */
    @ServerExceptionMapper
    public Response toProblem(Throwable e, ContainerRequestContext request) {
        return unexpected(e, request);
    }

    private Response unexpected(Throwable e, ContainerRequestContext request) {
        return Problems.problem(
                request,
                500,
                INTERNAL_ERROR,
                Problems.failed(
                        e,
                        request.getMethod(),
                        request.getUriInfo().getRequestUri().getRawPath()));
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
