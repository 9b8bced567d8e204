package dev.rounds.probe.type;

import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code tls}: certificate health. Settings {@code port} (default: the target address's, else 443),
 * {@code server_name} (the name the certificate must carry and the one sent for SNI; default the target's host)
 * and {@code ca} (a PEM file of the CAs to trust instead of the JVM's default trust store). Operands
 * {@code cert_expiry} (time from the probe's clock to the leaf's notAfter, negative once expired),
 * {@code chain_valid}, {@code hostname_match}, {@code issuer}, {@code subject} and {@code not_after}. The handshake
 * accepts any certificate so that each of these can be judged on its own; without {@code expect} lines an
 * untrusted chain, a name mismatch or an expired leaf is {@code down}.
 */
public final class TlsProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "tls",
            Map.of("port", SettingKind.INTEGER, "server_name", SettingKind.STRING, "ca", SettingKind.STRING),
            Set.of(),
            Set.of("cert_expiry", "chain_valid", "hostname_match", "issuer", "subject", "not_after"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        Address address = Address.parse(target.address());
        int port = address.port(spec.settings().get("port"), 443);
        String serverName = spec.setting("server_name", address.host());
        String ca = spec.setting("ca", null);
        Duration timeout = spec.timeoutFor(target);
        String where = Address.hostPort(address.host(), port);
        var socket = new Deadline.Handle<Socket>(TlsProbe::closeQuietly);
        return Deadline.blocking(
                context,
                timeout,
                () -> {
                    Set<TrustAnchor> anchors;
                    try {
                        anchors = ca == null
                                ? CertificateChecks.defaultAnchors()
                                : CertificateChecks.anchors(Path.of(ca));
                    } catch (IllegalArgumentException unreadable) {
                        return Observation.error(unreadable.getMessage());
                    }
                    List<X509Certificate> chain;
                    try {
                        chain = handshake(address.host(), port, serverName, timeout, socket);
                    } catch (IOException | GeneralSecurityException failed) {
                        return Observation.down(Map.of(), Failures.describe(failed, address.host(), port, timeout));
                    }
                    return judged(spec, where, serverName, chain, anchors, context.clock());
                },
                () -> Observation.down(
                        Map.of(), "no TLS handshake with " + where + " within " + Durations.format(timeout)),
                socket);
    }

    private static List<X509Certificate> handshake(
            String host, int port, String serverName, Duration timeout, Deadline.Handle<Socket> held)
            throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new Accepting()}, null);
        // The socket timeouts only back up the deadline, which closes the socket first.
        int backstop = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis() + 1000);
        try (Socket raw = held.hold(new Socket())) {
            raw.connect(new InetSocketAddress(host, port), backstop);
            raw.setSoTimeout(backstop);
            try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(raw, serverName, port, true)) {
                SSLParameters parameters = secure.getSSLParameters();
                if (!NetUtil.isValidIpV4Address(serverName) && !NetUtil.isValidIpV6Address(serverName)) {
                    parameters.setServerNames(List.of(new SNIHostName(serverName)));
                }
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                Certificate[] peer = secure.getSession().getPeerCertificates();
                return Arrays.stream(peer).map(X509Certificate.class::cast).toList();
            }
        }
    }

    private static Observation judged(
            ProbeSpec spec,
            String where,
            String serverName,
            List<X509Certificate> chain,
            Set<TrustAnchor> anchors,
            Clock clock) {
        X509Certificate leaf = chain.get(0);
        Instant now = clock.instant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        Duration expiry = Duration.between(now, notAfter);
        String untrusted = CertificateChecks.chainProblem(chain, anchors, now);
        boolean nameMatches = CertificateChecks.matchesName(leaf, serverName);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cert_expiry", expiry);
        values.put("chain_valid", untrusted == null);
        values.put("hostname_match", nameMatches);
        values.put("issuer", leaf.getIssuerX500Principal().getName());
        values.put("subject", leaf.getSubjectX500Principal().getName());
        values.put("not_after", notAfter.toString());
        List<String> problems = new ArrayList<>();
        if (expiry.isNegative() || expiry.isZero())
            problems.add("expired " + Durations.format(expiry.negated()) + " ago, on " + notAfter);
        if (untrusted != null) problems.add("chain not trusted: " + untrusted);
        if (!nameMatches) problems.add("certificate does not name '" + serverName + "'");
        if (spec.expect().isEmpty() && !problems.isEmpty()) {
            return Observation.down(values, "certificate of " + where + ": " + String.join("; ", problems));
        }
        String summary = "certificate of " + where + " for " + values.get("subject") + " expires in "
                + Durations.format(expiry) + " (" + notAfter + ")";
        return Observation.measured(
                values, problems.isEmpty() ? summary : summary + "; " + String.join("; ", problems));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the probe's outcome is decided; a failed close changes nothing about it
        }
    }

    /**
     * Lets every handshake complete: the chain is judged afterwards, item by item, by {@link CertificateChecks}.
     * Extended, so that JSSE adds no checks of its own around it.
     */
    private static final class Accepting extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepted here, judged later
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // accepted here, judged later
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // accepted here, judged later
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a probe is never a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a probe is never a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a probe is never a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
