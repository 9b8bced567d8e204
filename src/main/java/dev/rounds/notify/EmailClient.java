package dev.rounds.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Sends an event as a plain-text mail through quarkus-mailer, within {@code rounds.notify.timeout}. */
@ApplicationScoped
public class EmailClient {

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotifyConfig config;

    void send(List<String> to, NotificationEvent event) throws DeliveryFailed {
        Mail mail = new Mail().setTo(to).setSubject("[Rounds] " + event.title()).setText(text(event));
        config.email().from().ifPresent(mail::setFrom);
        try {
            mailer.send(mail).await().atMost(config.timeout());
        } catch (RuntimeException e) {
            throw new DeliveryFailed("email could not be sent: " + e);
        }
    }

    static String text(NotificationEvent event) {
        StringBuilder text = new StringBuilder(event.text()).append("\n\n");
        for (Map.Entry<String, String> f : event.fields().entrySet()) {
            text.append(f.getKey()).append(": ").append(f.getValue()).append('\n');
        }
        text.append("When: ")
                .append(event.at())
                .append('\n')
                .append("Event: ")
                .append(event.key())
                .append('\n');
        if (event.link() != null) text.append('\n').append(event.link()).append('\n');
        return text.toString();
    }
}
