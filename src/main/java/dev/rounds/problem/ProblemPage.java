package dev.rounds.problem;

import dev.rounds.core.ProblemTitle;
import java.net.URI;

/**
 * A refusal as a page: what happened (the problem's title and detail) and where to go next, with a way back to the
 * page the refused request came from when the browser named one of Rounds' own.
 *
 * @param back the path (and query) of the page the request came from, or {@code null}
 */
public record ProblemPage(int status, String title, String detail, String whereNext, String back) {

    static ProblemPage of(int status, String title, String detail, String referer, String host) {
        return new ProblemPage(status, title, detail, whereNext(status, title), back(referer, host));
    }

    private static String whereNext(int status, String title) {
        if (title.equals(ProblemTitle.CSRF_TOKEN_REFUSED.text())) {
            return "The form was older than your login (opened before you logged in again, or before Rounds"
                    + " restarted). Go back, reload the page so that the form is fresh, and send it again.";
        }
        return switch (status) {
            case 400 -> "Go back and correct what the message names, then send it again.";
            case 403 ->
                "Your account's roles do not open this door; the pages in the bar above are the ones they open."
                        + " If you need this one, ask an administrator for the role.";
            case 404 -> "The address may be old or mistyped. Start again from today's rounds or the pages above.";
            case 409 ->
                "Something changed since the page was loaded. Go back, reload the page to see where things stand,"
                        + " and try again if it still applies.";
            case 413 -> "Go back and send less: a shorter text, or attach the long part as a smaller file.";
            default ->
                status >= 500
                        ? "Try again in a moment; if it fails again, give the administrator the error_id above."
                        : "Go back, or start again from today's rounds.";
        };
    }

    /** The referring page's path, if it is a page of this Rounds (same host) other than the refused one's login. */
    private static String back(String referer, String host) {
        if (referer == null || host == null) return null;
        try {
            URI from = URI.create(referer.strip());
            if (from.getRawAuthority() == null || !from.getRawAuthority().equalsIgnoreCase(host.strip())) return null;
            String path = from.getRawPath() == null || from.getRawPath().isEmpty() ? "/" : from.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) return null;
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
