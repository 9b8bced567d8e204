package dev.rounds.problem;

import dev.rounds.core.ProblemTitle;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * What is refused or fails outside RESTEasy, answered as a problem: bodies Vert.x refuses before any resource reads
 * them (too large, a form field too long, a broken form) and failures of other handlers.
 */
@ApplicationScoped
public class VertxRefusals {

    private static final Logger LOG = Logger.getLogger(VertxRefusals.class);

    @Inject
    RequestLimits limits;

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
        if (length <= limits.maxBodySize()) {
            context.next();
            return;
        }
        LOG.debugf(
                "request refused status=413 method=%s path=%s length=%d",
                context.request().method(), context.request().path(), length);
        context.response().endHandler(ended -> context.request().connection().close());
        answer(context, 413, ProblemTitle.REQUEST_TOO_LARGE.text(), limits.bodyTooLarge(length));
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
        boolean fieldTooLong = failure != null
                && (failure.getClass().getSimpleName().contains("TooLongFormField")
                        || message.contains("Size exceed allowed maximum capacity"));
        if (fieldTooLong) status = 413;
        if (status < 400) status = 500;
        String title;
        String detail;
        if (status == 413) {
            title = ProblemTitle.REQUEST_TOO_LARGE.text();
            detail = fieldTooLong ? limits.formTooLarge() : limits.bodyTooLarge(-1);
        } else if (status == 400) {
            title = ProblemTitle.BAD_REQUEST.text();
            detail = "the request body could not be read: " + message
                    + "; send a well-formed multipart/form-data or JSON body";
        } else if (status >= 500) {
            title = ProblemTitle.INTERNAL_ERROR.text();
            detail = Problems.failed(
                    failure,
                    context.request().method().name(),
                    context.request().path());
        } else {
            title = Problems.title(status);
            detail = "the request was refused with HTTP " + status + " " + Problems.reason(status);
        }
        if (failure != null && status < 500) {
            LOG.debugf(
                    "request refused status=%d method=%s path=%s error=%s",
                    status, context.request().method(), context.request().path(), failure);
        }
        answer(context, status, title, detail);
    }

    private static void answer(RoutingContext context, int status, String title, String detail) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        String page = Problems.wantsPage(context.request().path(), accept)
                ? Problems.page(
                        ProblemPage.of(
                                status,
                                title,
                                detail,
                                context.request().getHeader(HttpHeaders.REFERER),
                                context.request().getHeader(HttpHeaders.HOST)),
                        context)
                : null;
        context.response().setStatusCode(status);
        if (status == 413) {
            // the rest of a body too large is not read: the connection cannot carry another request
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        if (page != null) {
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end(page);
        } else {
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON)
                    .end(io.vertx.core.json.Json.encode(Problems.body(status, title, detail)));
        }
    }

    private static boolean isSecurity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SecurityException
                    || t.getClass().getName().startsWith("io.quarkus.security.")
                    || t.getClass().getName().startsWith("io.quarkus.vertx.http.runtime.security.")) {
                return true;
            }
        }
        return false;
    }
}
