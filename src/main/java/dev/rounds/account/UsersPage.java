package dev.rounds.account;

import dev.rounds.core.Roles;
import dev.rounds.security.AppUser;
import dev.rounds.web.FormPost;
import dev.rounds.web.Typed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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

/** The admin's account page: every account, with forms to create, change roles, disable, enable, reset. */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class UsersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserView> users, List<String> roles, String error, Typed typed);
    }

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance show() {
        return page(null, Typed.NOTHING);
    }

    @POST
    public Response create(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("roles") List<String> roles) {
        return act(
                Typed.of("form", "create", "username", username).with("roles", roles),
                () -> accounts.create(actor(), username, password, roles));
    }

    @POST
    @Path("/{name}/roles")
    public Response roles(@PathParam("name") String name, @FormParam("roles") List<String> roles) {
        return act(Typed.of("user", name).with("roles", roles), () -> accounts.setRoles(actor(), name, roles));
    }

    @POST
    @Path("/{name}/disable")
    public Response disable(@PathParam("name") String name) {
        return act(Typed.NOTHING, () -> accounts.disable(actor(), name));
    }

    @POST
    @Path("/{name}/enable")
    public Response enable(@PathParam("name") String name) {
        return act(Typed.NOTHING, () -> accounts.enable(actor(), name));
    }

    @POST
    @Path("/{name}/password")
    public Response resetPassword(@PathParam("name") String name, @FormParam("password") String password) {
        return act(Typed.NOTHING, () -> accounts.resetPassword(actor(), name, password));
    }

    /** Errors come back on the page with nothing changed and what was typed (never a password) in its form. */
    private Response act(Typed typed, Runnable change) {
        return FormPost.keeping(typed, this::page)
                .wording(AccountPage::capitalised)
                .seeOther(change, "/admin/users");
    }

    private TemplateInstance page(String error, Typed typed) {
        return Templates.users(AppUser.listByName().stream().map(UserView::of).toList(), Roles.NAMES, error, typed);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
