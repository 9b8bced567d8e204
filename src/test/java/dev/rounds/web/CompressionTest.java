package dev.rounds.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Logins;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages, API answers and reviews come compressed to a client that accepts gzip and plain to one that does not;
 * what is compressed already (PDFs, ZIP bundles) is sent as it is. Raw HTTP, so that no client decodes on the quiet.
 */
@QuarkusTest
class CompressionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScheduleService schedule;

    /** The default pack's occurrences of today are open, so that the pages and the API have something to say. */
    @BeforeEach
    void openToday() {
        schedule.tick();
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((Logins.ADMIN + ":" + Logins.ADMIN_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)));
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path);
        return response;
    }

    private static String encoding(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").orElse("identity");
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private void compressedOnlyWhenAccepted(String path, String starts) throws IOException, InterruptedException {
        HttpResponse<byte[]> plain = get(path, null);
        assertEquals("identity", encoding(plain), path);
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(starts), path + " plain: " + text.substring(0, Math.min(80, text.length())));

        HttpResponse<byte[]> gzipped = get(path, "gzip, deflate, br");
        assertEquals("gzip", encoding(gzipped), path);
        byte[] unpacked = gunzip(gzipped.body());
        assertTrue(new String(unpacked, StandardCharsets.UTF_8).startsWith(starts), path);
        assertTrue(
                gzipped.body().length * 3 < unpacked.length,
                path + ": " + gzipped.body().length + " bytes for " + unpacked.length);
    }

    @Test
    void theDashboardIsCompressedWhenTheClientAcceptsGzip() throws Exception {
        compressedOnlyWhenAccepted("/", "<!DOCTYPE html>");
    }

    @Test
    void theOccurrencesApiIsCompressedWhenTheClientAcceptsGzip() throws Exception {
        compressedOnlyWhenAccepted("/api/occurrences", "[");
    }

    @Test
    void theWeeklyReviewIsCompressedWhenTheClientAcceptsGzip() throws Exception {
        compressedOnlyWhenAccepted("/reports/weekly", "<!DOCTYPE html>");
    }

    @Test
    void pdfsAndZipBundlesAreSentAsTheyAre() throws Exception {
        HttpResponse<byte[]> pdf = get("/reports/weekly.pdf", "gzip");
        assertEquals("identity", encoding(pdf));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf.body(), 4));

        HttpResponse<byte[]> zip = get("/api/audit/bundle?from=2026-01-01&to=2026-01-01", "gzip");
        assertEquals("identity", encoding(zip));
        assertArrayEquals(new byte[] {'P', 'K'}, Arrays.copyOf(zip.body(), 2));
    }
}
