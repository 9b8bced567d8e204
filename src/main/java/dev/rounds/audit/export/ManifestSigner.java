package dev.rounds.audit.export;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs bundle manifests with the Ed25519 key in {@code rounds.audit.signing-key} (a PKCS#8 PEM file), if one is
 * configured, and gives its public key in PEM for {@code openssl pkeyutl -verify -pubin -rawin}. Loaded at start, so a
 * key that cannot be used stops Rounds with a message instead of failing the first export.
 */
@Startup
@ApplicationScoped
public class ManifestSigner {

    private final PrivateKey key;
    private final String publicKeyPem;

    public ManifestSigner(BundleConfig config) {
        Optional<String> file = config.signingKey();
        if (file.isEmpty() || file.get().isBlank()) {
            key = null;
            publicKeyPem = null;
            return;
        }
        Path path = Path.of(file.get());
        try {
            String pem = Files.readString(path);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            publicKeyPem = pem(publicKeyOf((EdECPrivateKey) key));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "rounds.audit.signing-key: " + path.toAbsolutePath() + " must be an Ed25519"
                            + " private key as a PKCS#8 PEM file (openssl genpkey -algorithm ed25519 -out key.pem): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The raw 64-byte Ed25519 signature of {@code manifest}, or empty when no signing key is configured. */
    public Optional<byte[]> sign(byte[] manifest) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(manifest);
            return Optional.of(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the bundle manifest: " + e.getMessage(), e);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}); 404 when no signing key is configured. */
    public String publicKeyPem() {
        if (publicKeyPem == null) {
            throw new RoundsException(
                    404,
                    ProblemTitle.NOT_FOUND,
                    "no signing key is configured: set"
                            + " rounds.audit.signing-key to an Ed25519 private key in a PKCS#8 PEM file");
        }
        return publicKeyPem;
    }

    /** The public key as PEM, or empty when no signing key is configured and bundles go out unsigned. */
    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKeyPem);
    }

    /** Java 17 cannot derive an Ed25519 public key directly; generating from the private key's seed does. */
    private static PublicKey publicKeyOf(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("the private key hides its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
