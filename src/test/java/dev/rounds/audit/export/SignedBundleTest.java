package dev.rounds.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestProfile(SignedBundleTest.SigningKey.class)
class SignedBundleTest {

    /** Rounds with an Ed25519 signing key made for the test run. */
    public static class SigningKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SigningKeys.config();
        }
    }

    @TempDir
    Path temp;

    @Test
    void theProcedureChecksTheManifestsSignatureWithTheServedPublicKey() throws Exception {
        TestAccounts.ensure("signed-auditor", "auditor");
        String today = LocalDate.now().toString();
        byte[] zip = TestAccounts.as("signed-auditor")
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/audit/bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Path bundle = temp.resolve("bundle");
        List<String> names = BundleProcedure.unzip(new ByteArrayInputStream(zip), bundle);
        assertEquals(BundleWriter.SIGNATURE, names.get(names.size() - 1));
        Path publicKey = temp.resolve("rounds-public.pem");
        Files.writeString(
                publicKey,
                TestAccounts.as("signed-auditor")
                        .get("/api/audit/key")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        BundleProcedure procedure = new BundleProcedure();

        BundleProcedure.Outcome verified = procedure.run(bundle, null, publicKey);

        assertEquals(0, verified.exit(), verified.toString());
        assertTrue(
                verified.out().startsWith("manifest.json signature verified with " + publicKey), verified.toString());

        // Unsigned, a changed created_at would pass; signed, it does not.
        Path copy = BundleProcedure.copy(bundle, temp.resolve("created-at-changed"));
        String manifest = BundleProcedure.text(copy.resolve(BundleWriter.MANIFEST));
        int year = manifest.indexOf("\"created_at\":\"") + "\"created_at\":\"".length();
        String changed = manifest.substring(0, year) + "1999" + manifest.substring(year + 4);
        Files.writeString(copy.resolve(BundleWriter.MANIFEST), changed, StandardCharsets.UTF_8);
        assertEquals(0, procedure.run(copy).exit(), "without the key the change goes unnoticed");
        BundleProcedure.Outcome tampered = procedure.run(copy, null, publicKey);
        assertNotEquals(0, tampered.exit(), tampered.toString());
        assertTrue(
                tampered.err().startsWith("bundle NOT verified: manifest.sig: not a signature of manifest.json"),
                tampered.toString());

        Files.delete(copy.resolve(BundleWriter.SIGNATURE));
        BundleProcedure.Outcome unsigned = procedure.run(copy, null, publicKey);
        assertTrue(unsigned.err().startsWith("bundle NOT verified: manifest.sig: missing"), unsigned.toString());
    }
}
