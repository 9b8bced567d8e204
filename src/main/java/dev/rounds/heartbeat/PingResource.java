package dev.rounds.heartbeat;

import dev.rounds.text.SuppliedText;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Where jobs report in, without a login: the secret token in the path is the credential. An optional text body
 * (the first {@value HeartbeatService#MESSAGE_CHARS} characters) is kept as the ping's message.
 */
@Path("/api/ping/{token}")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PingResource {

    /** What a ping answers: the heartbeat's name and its status now. */
    public record PingView(String heartbeat, String status, Instant at) {}

    @Inject
    HeartbeatService heartbeats;

    @POST
    public PingView success(@PathParam("token") String token, InputStream body) throws IOException {
        return ping(token, PingKind.SUCCESS, body);
    }

    @POST
    @Path("/start")
    public PingView start(@PathParam("token") String token, InputStream body) throws IOException {
        return ping(token, PingKind.START, body);
    }

    @POST
    @Path("/fail")
    public PingView fail(@PathParam("token") String token, InputStream body) throws IOException {
        return ping(token, PingKind.FAIL, body);
    }

    private PingView ping(String token, PingKind kind, InputStream body) throws IOException {
        HeartbeatState state = heartbeats.ping(token, kind, message(body));
        return new PingView(state.name(), state.lastStatus(), state.lastPingAt());
    }

    /** The body's first characters; a job's whole log is not what the heartbeat should keep. */
    private static String message(InputStream body) throws IOException {
        if (body == null) return null;
        // UTF-8 needs at most 4 bytes a character; a character cut in half decodes as a replacement character.
        String text = new String(body.readNBytes(HeartbeatService.MESSAGE_CHARS * 4), StandardCharsets.UTF_8).strip();
        // A job's output is machine text; the cut may also halve a surrogate pair.
        return SuppliedText.clean(
                text.length() > HeartbeatService.MESSAGE_CHARS
                        ? text.substring(0, HeartbeatService.MESSAGE_CHARS)
                        : text);
    }
}
