package dev.rounds.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Posts a JSON body to a webhook within {@code rounds.notify.timeout} for connecting and again for the answer.
 * Errors name the channel, never the URL: Slack and Teams webhook URLs are secrets.
 */
@ApplicationScoped
public class WebhookClient {

    private final NotifyConfig config;
    private final HttpClient http;

    @Inject
    public WebhookClient(NotifyConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void post(String channel, String url, String body) throws DeliveryFailed {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Rounds")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            // Not e.getMessage(): it quotes the URL, and a webhook URL is a secret that must not reach the audit log.
            throw new DeliveryFailed(channel + " has no usable URL: check rounds.notify.webhooks."
                    + channel.substring(channel.indexOf(':') + 1) + ".url");
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed(channel + " answered HTTP " + response.statusCode());
            }
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailed(
                    channel + " did not answer within " + config.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new DeliveryFailed(
                    channel + " could not be reached: " + String.valueOf(e).replace(url, "<url>"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed(channel + ": interrupted while sending");
        }
    }
}
