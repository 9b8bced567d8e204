package dev.rounds.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The channels configured now, by the names deliveries carry: {@code webhook:<name>} and {@code email}. */
@ApplicationScoped
public class Channels {

    static final String EMAIL = "email";
    static final String WEBHOOK = "webhook:";

    @Inject
    NotifyConfig config;

    List<String> names() {
        List<String> names = new ArrayList<>();
        config.webhooks().keySet().stream().sorted().forEach(name -> names.add(WEBHOOK + name));
        if (!recipients().isEmpty()) names.add(EMAIL);
        return names;
    }

    Optional<NotifyConfig.Webhook> webhook(String channel) {
        if (!channel.startsWith(WEBHOOK)) return Optional.empty();
        return Optional.ofNullable(config.webhooks().get(channel.substring(WEBHOOK.length())));
    }

    List<String> recipients() {
        return config.email().to().orElse(List.of()).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
