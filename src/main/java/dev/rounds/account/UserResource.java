package dev.rounds.account;

import dev.rounds.core.Roles;
import dev.rounds.security.AppUser;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Accounts over HTTP, for admins: list, create, set roles, disable and enable, reset a password. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** A new account: its holder must change the password at first login. */
    public record NewUser(String username, String password, List<String> roles) {}

    /** The whole set of roles an account holds from now on. */
    public record RoleSet(List<String> roles) {}

    /** A password an admin sets; its holder must change it at the next login. */
    public record NewPassword(String password) {}

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<UserView> list() {
        return AppUser.listByName().stream().map(UserView::of).toList();
    }

    @POST
    public Response create(@NotNull NewUser user) {
        AppUser created = accounts.create(actor(), user.username(), user.password(), user.roles());
        return Response.created(URI.create("/api/users/" + created.username))
                .entity(UserView.of(created))
                .build();
    }

    @PUT
    @Path("/{name}/roles")
    public UserView roles(@PathParam("name") String name, @NotNull RoleSet roles) {
        return UserView.of(accounts.setRoles(actor(), name, roles.roles()));
    }

    @POST
    @Path("/{name}/disable")
    public UserView disable(@PathParam("name") String name) {
        return UserView.of(accounts.disable(actor(), name));
    }

    @POST
    @Path("/{name}/enable")
    public UserView enable(@PathParam("name") String name) {
        return UserView.of(accounts.enable(actor(), name));
    }

    @POST
    @Path("/{name}/password")
    public UserView resetPassword(@PathParam("name") String name, @NotNull NewPassword password) {
        return UserView.of(accounts.resetPassword(actor(), name, password.password()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
