package dev.rounds.audit.export;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How the auditor's bundle is signed ({@link ManifestSigner}). */
@ConfigMapping(prefix = "rounds.audit")
public interface BundleConfig {

    /**
     * An Ed25519 private key as a PKCS#8 PEM file ({@code openssl genpkey -algorithm ed25519 -out key.pem}) that signs
     * each bundle's manifest; absent or empty, bundles are not signed.
     */
    Optional<String> signingKey();
}
