package dev.rounds.packaged;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The three ways a client proves who it is, each as the one request header a load generator repeats: the admin's
 * password over HTTP Basic, a personal API token, and the session a browser gets from the login form.
 */
final class PageLogins {

    private PageLogins() {}

    /** One way of logging in and the header that carries it. */
    record Login(String name, String header) {}

    static List<Login> of(PackagedRounds rounds) throws IOException, InterruptedException {
        return List.of(
                new Login("token", "Authorization: Bearer " + token(rounds)),
                new Login("session", "Cookie: " + session(rounds)),
                new Login("basic", "Authorization: Basic " + basic()));
    }

    private static String basic() {
        return Base64.getEncoder()
                .encodeToString(("admin:" + PackagedRounds.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String token(PackagedRounds rounds) throws IOException, InterruptedException {
        PackagedRounds.Reply created = rounds.post("/api/account/tokens", Map.of("name", "pages benchmark"));
        if (created.status() != 201) throw new IllegalStateException("creating an API token answered " + created);
        return created.json().get("token").asText();
    }

    /** Logs in through the form as a browser does (the CSRF cookie and field first) and returns the cookies. */
    private static String session(PackagedRounds rounds) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> page =
                http.send(HttpRequest.newBuilder(rounds.uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
        String csrf = cookies(page).get("csrf-token");
        String form = "csrf-token=" + csrf + "&j_username=admin&j_password="
                + URLEncoder.encode(PackagedRounds.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<Void> login = http.send(
                HttpRequest.newBuilder(rounds.uri("/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "csrf-token=" + csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        Map<String, String> cookies = cookies(login);
        if (login.statusCode() != 302 || !cookies.containsKey("quarkus-credential"))
            throw new IllegalStateException("the login form answered " + login.statusCode() + " " + cookies.keySet());
        return cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Map<String, String> cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .filter(cookie -> cookie.indexOf('=') > 0 && cookie.indexOf('=') < cookie.length() - 1)
                .collect(Collectors.toMap(
                        cookie -> cookie.substring(0, cookie.indexOf('=')),
                        cookie -> cookie.substring(cookie.indexOf('=') + 1),
                        (first, second) -> second));
    }

    /** The status and size of one request with {@code login}, to show what the load generator will get. */
    static String probe(URI address, Login login) throws IOException, InterruptedException {
        String[] header = login.header().split(": ", 2);
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(address)
                                .header(header[0], header[1])
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() + ", " + String.format("%,d", response.body().length) + " bytes";
    }
}
