package dev.rounds.probe.type;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Key stores made by the JDK's own {@code keytool}, with certificates valid from a known instant for a known
 * number of days, so that tests can assert exact expiry figures.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";
    private static final DateTimeFormatter START =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Path folder;

    TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** A self-signed server certificate for {@code names} (SAN entries such as {@code dns:localhost}). */
    Path selfSigned(String file, String commonName, String names, Instant from, int days) throws IOException {
        Path store = folder.resolve(file);
        keytool(
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-alias",
                "server",
                "-dname",
                "CN=" + commonName,
                "-ext",
                "san=" + names,
                "-startdate",
                START.format(from),
                "-validity",
                String.valueOf(days));
        return store;
    }

    /** A CA, written as {@code ca.pem} beside its key store {@code ca.p12}; returns the PEM file. */
    Path authority(Instant from, int days) throws IOException {
        Path store = folder.resolve("ca.p12");
        Path pem = folder.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-alias",
                "ca",
                "-dname",
                "CN=Rounds Test CA",
                "-ext",
                "bc:c",
                "-startdate",
                START.format(from),
                "-validity",
                String.valueOf(days));
        keytool("-exportcert", "-rfc", "-keystore", store.toString(), "-alias", "ca", "-file", pem.toString());
        return pem;
    }

    /** A server certificate signed by the {@link #authority} made before, with the CA in its chain. */
    Path signed(String file, String commonName, String names, Instant from, int days) throws IOException {
        Path store = folder.resolve(file);
        Path request = folder.resolve(file + ".csr");
        Path certificate = folder.resolve(file + ".pem");
        keytool("-genkeypair", "-keystore", store.toString(), "-alias", "server", "-dname", "CN=" + commonName);
        keytool("-certreq", "-keystore", store.toString(), "-alias", "server", "-file", request.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-keystore",
                folder.resolve("ca.p12").toString(),
                "-alias",
                "ca",
                "-infile",
                request.toString(),
                "-outfile",
                certificate.toString(),
                "-ext",
                "san=" + names,
                "-startdate",
                START.format(from),
                "-validity",
                String.valueOf(days));
        keytool(
                "-importcert",
                "-noprompt",
                "-keystore",
                store.toString(),
                "-alias",
                "ca",
                "-file",
                folder.resolve("ca.pem").toString());
        keytool("-importcert", "-keystore", store.toString(), "-alias", "server", "-file", certificate.toString());
        return store;
    }

    /** A server-side TLS context presenting the key store's certificate. */
    static SSLContext serverContext(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        var managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-J-Duser.timezone=UTC"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keyalg", "EC"));
        // -keyalg only belongs to -genkeypair; keytool refuses it elsewhere.
        if (!arguments[0].equals("-genkeypair"))
            command.subList(command.size() - 2, command.size()).clear();
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", interrupted);
        }
    }
}
