package dev.rounds.probe.type;

import io.netty.util.NetUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Judges a peer's certificate chain apart from the handshake, so that a probe can report what is wrong with a
 * certificate instead of only that the handshake was refused: trust (at the probe's clock, not the machine's)
 * and the host name.
 */
final class CertificateChecks {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateChecks() {}

    /** The JVM's default trust store, read once: it changes only with the JDK's cacerts. */
    private static final class DefaultAnchors {
        static final Set<TrustAnchor> ANCHORS = load();

        private static Set<TrustAnchor> load() {
            try {
                var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                return Arrays.stream(factory.getTrustManagers())
                        .filter(X509TrustManager.class::isInstance)
                        .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers()))
                        .map(ca -> new TrustAnchor(ca, null))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (GeneralSecurityException broken) {
                throw new IllegalStateException(
                        "cannot read the JVM's default trust store: " + broken.getMessage(), broken);
            }
        }
    }

    static Set<TrustAnchor> defaultAnchors() {
        return DefaultAnchors.ANCHORS;
    }

    /**
     * The CA certificates of a PEM file.
     *
     * @throws IllegalArgumentException with a sentence naming the file when it cannot be read or holds none
     */
    static Set<TrustAnchor> anchors(Path pemFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("ca file '" + pemFile + "' cannot be read: " + unreadable, unreadable);
        } catch (CertificateException notPem) {
            throw new IllegalArgumentException(
                    "ca file '" + pemFile + "' is not a PEM certificate file: " + notPem.getMessage(), notPem);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("ca file '" + pemFile + "' holds no certificate");
        }
        return certificates.stream()
                .map(ca -> new TrustAnchor((X509Certificate) ca, null))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Why the chain is not trusted at the given instant, or {@code null} when it is: it must lead to one of the
     * anchors and every certificate must be valid then. Revocation is not checked.
     */
    static String chainProblem(List<X509Certificate> chain, Set<TrustAnchor> anchors, Instant at) {
        // A server may send its root too; the path to validate ends below the anchor.
        List<X509Certificate> path = new ArrayList<>(chain);
        while (!path.isEmpty() && isAnchor(path.get(path.size() - 1), anchors)) {
            path.remove(path.size() - 1);
        }
        try {
            if (path.isEmpty()) {
                chain.get(0).checkValidity(Date.from(at));
                return null;
            }
            var parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return null;
        } catch (CertPathValidatorException invalid) {
            return invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                            || invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID
                    ? "a certificate of the chain is not valid at " + at + ": " + invalid.getMessage()
                    : invalid.getMessage();
        } catch (GeneralSecurityException invalid) {
            return invalid.getMessage();
        }
    }

    private static boolean isAnchor(X509Certificate certificate, Set<TrustAnchor> anchors) {
        return anchors.stream().anyMatch(anchor -> certificate.equals(anchor.getTrustedCert()));
    }

    /**
     * Whether the certificate names the host: an IP address against its IP entries, a name against its DNS
     * entries ({@code *.example.com} covers one label), or against its common name when it has no DNS entries.
     */
    static boolean matchesName(X509Certificate certificate, String host) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        Collection<List<?>> alternatives;
        try {
            alternatives = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException unreadable) {
            return false;
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        if (alternatives != null) {
            for (List<?> entry : alternatives) {
                int kind = (Integer) entry.get(0);
                if (kind == SAN_DNS) dns.add(entry.get(1).toString());
                if (kind == SAN_IP) ips.add(entry.get(1).toString());
            }
        }
        if (NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)) {
            return ips.stream().anyMatch(ip -> sameAddress(ip, name));
        }
        if (dns.isEmpty()) {
            String common = commonName(certificate);
            return common != null && namesMatch(common, name);
        }
        return dns.stream().anyMatch(pattern -> namesMatch(pattern, name));
    }

    private static boolean namesMatch(String pattern, String name) {
        String lower = pattern.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (lower.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot + 1).equals(lower.substring(2)) && lower.indexOf('.', 2) > 0;
        }
        return lower.equals(name);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals here (checked above, or from the certificate): no lookup happens.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException notLiteral) {
            return false;
        }
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) return rdn.getValue().toString();
            }
        } catch (InvalidNameException unreadable) {
            return null;
        }
        return null;
    }
}
