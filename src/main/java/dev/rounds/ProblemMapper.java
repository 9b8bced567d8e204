package dev.rounds;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns domain errors into an RFC 9457 style problem body: {@code type}, {@code title}, {@code status}, {@code detail}. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response toProblem(RoundsException e) {
        return Response.status(e.status())
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", e.title(), "status", e.status(), "detail", e.getMessage()))
                .build();
    }
}
