package dev.rounds.account;

import dev.rounds.security.ApiToken;
import dev.rounds.security.SessionKeys;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A person's own account over HTTP: their password and their personal API tokens. */
@Path("/api/account")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** The current password, proving it is the holder, and the new one. */
    public record PasswordChange(String current, String password) {}

    /** What a new token is for. */
    public record TokenName(String name) {}

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext http;

    @POST
    @Path("/password")
    public Response changePassword(@NotNull PasswordChange change) {
        // Every other session of the account ends; this one goes on with the new session key.
        SessionKeys.issue(http, accounts.changeOwnPassword(me(), change.current(), change.password()));
        return Response.noContent().build();
    }

    @GET
    @Path("/tokens")
    public List<TokenView> tokens() {
        return ApiToken.ownedBy(me()).stream().map(TokenView::of).toList();
    }

    /** 201 with the token: the only time it is shown. */
    @POST
    @Path("/tokens")
    public Response createToken(@NotNull TokenName name) {
        return Response.status(201)
                .entity(accounts.createToken(me(), name.name()))
                .build();
    }

    @DELETE
    @Path("/tokens/{id}")
    public Response revokeToken(@PathParam("id") long id) {
        accounts.revokeToken(me(), id);
        return Response.noContent().build();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
