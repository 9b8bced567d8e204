package dev.rounds.audit.export;

import dev.rounds.core.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The public key that verifies signed bundle manifests, as PEM. */
@Path("/api/audit/key")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class SigningKeyResource {

    @Inject
    ManifestSigner signer;

    @GET
    @Produces("application/x-pem-file")
    public String publicKey() {
        return signer.publicKeyPem();
    }
}
