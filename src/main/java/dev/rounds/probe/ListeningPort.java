package dev.rounds.probe;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The port the running HTTP server actually listens on, a random one included. */
@ApplicationScoped
public class ListeningPort implements OwnPort {

    @Inject
    HttpServer server;

    @Override
    public int port() {
        return server.getPort();
    }
}
