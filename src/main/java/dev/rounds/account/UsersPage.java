package dev.rounds.account;

import dev.rounds.core.Roles;
import dev.rounds.security.AppUser;
import dev.rounds.web.FormPost;
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
        static native TemplateInstance users(List<UserView> users, List<String> roles, String error);
    }

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance show() {
        return page(null);
    }

    @POST
    public Response create(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("roles") List<String> roles) {
        return act(() -> accounts.create(actor(), username, password, roles));
    }

    @POST
    @Path("/{name}/roles")
    public Response roles(@PathParam("name") String name, @FormParam("roles") List<String> roles) {
        return act(() -> accounts.setRoles(actor(), name, roles));
    }

    @POST
    @Path("/{name}/disable")
    public Response disable(@PathParam("name") String name) {
        return act(() -> accounts.disable(actor(), name));
    }

    @POST
    @Path("/{name}/enable")
    public Response enable(@PathParam("name") String name) {
        return act(() -> accounts.enable(actor(), name));
    }

    @POST
    @Path("/{name}/password")
    public Response resetPassword(@PathParam("name") String name, @FormParam("password") String password) {
        return act(() -> accounts.resetPassword(actor(), name, password));
    }

    /** Errors come back on the page with nothing changed. */
    private Response act(Runnable change) {
        return FormPost.showing(this::page).wording(AccountPage::capitalised).seeOther(change, "/admin/users");
    }

    private TemplateInstance page(String error) {
        return Templates.users(AppUser.listByName().stream().map(UserView::of).toList(), Roles.NAMES, error);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
