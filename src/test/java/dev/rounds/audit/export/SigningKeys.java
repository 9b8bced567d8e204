package dev.rounds.audit.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/** An Ed25519 signing key made for the test run, as the configuration that names it. */
public final class SigningKeys {

    private SigningKeys() {}

    /** {@code rounds.audit.signing-key} naming a new PKCS#8 PEM file, deleted when the run ends. */
    public static Map<String, String> config() {
        try {
            Path file = Files.createTempFile("rounds-signing-key", ".pem");
            byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
            Files.writeString(
                    file,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                            + "\n-----END PRIVATE KEY-----\n");
            file.toFile().deleteOnExit();
            return Map.of("rounds.audit.signing-key", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
