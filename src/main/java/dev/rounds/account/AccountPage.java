package dev.rounds.account;

import dev.rounds.security.ApiToken;
import dev.rounds.security.Identities;
import dev.rounds.security.SessionKeys;
import dev.rounds.web.FormPost;
import dev.rounds.web.Typed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A person's own account pages: change the password; create and revoke personal API tokens. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(String username, boolean required, String error);

        static native TemplateInstance tokens(
                List<TokenView> tokens, Accounts.NewToken created, String error, Typed typed);
    }

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext http;

    @GET
    @Path("/password")
    public TemplateInstance password() {
        return passwordPage(null);
    }

    /** Errors come back on the page with nothing changed; success goes to the dashboard. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(
            @FormParam("current") String current,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        FormPost form = FormPost.showing(this::passwordPage).wording(AccountPage::capitalised);
        if (password == null || !password.equals(confirm)) {
            return form.refuse(422, "The new password and its confirmation differ.");
        }
        // Every other session of the account ends; this one goes on with the new session key.
        return form.seeOther(() -> SessionKeys.issue(http, accounts.changeOwnPassword(me(), current, password)), "/");
    }

    @GET
    @Path("/tokens")
    public TemplateInstance tokens() {
        return tokensPage(null, null, Typed.NOTHING);
    }

    /** Shows the new token on the answer page, once. */
    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@FormParam("name") String name) {
        return tokensForm(Typed.of("name", name))
                .show(() -> accounts.createToken(me(), name), created -> tokensPage(created, null, Typed.NOTHING));
    }

    @POST
    @Path("/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") long id) {
        return tokensForm(Typed.NOTHING).seeOther(() -> accounts.revokeToken(me(), id), "/account/tokens");
    }

    private FormPost tokensForm(Typed typed) {
        return FormPost.keeping(typed, (error, kept) -> tokensPage(null, error, kept))
                .wording(AccountPage::capitalised);
    }

    private TemplateInstance passwordPage(String error) {
        return Templates.password(me(), Identities.mustChangePassword(identity), error);
    }

    private TemplateInstance tokensPage(Accounts.NewToken created, String error, Typed typed) {
        return Templates.tokens(
                ApiToken.ownedBy(me()).stream().map(TokenView::of).toList(), created, error, typed);
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
