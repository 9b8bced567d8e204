package dev.rounds.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login form, which posts to Quarkus' form authentication at {@code /j_security_check}, and the logout, which
 * drops the session cookie.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error);
    }

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @Inject
    RoutingContext http;

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("retry") Long retry) {
        return Templates.login(message(error, retry));
    }

    /** Drops the session cookie; the form carries the CSRF token like every other. */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        http.response().addCookie(Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0));
        return Response.seeOther(URI.create("/login")).build();
    }

    private static String message(String error, Long retry) {
        if (error == null) return null;
        if (error.equals("cooling-off")) {
            long minutes = retry == null ? 5 : Math.max(1, (retry + 59) / 60);
            return "Too many failed logins for this user or from this address. Try again in " + minutes + " minute"
                    + (minutes == 1 ? "" : "s") + ".";
        }
        return "The user name or password is wrong, or the account is disabled.";
    }
}
