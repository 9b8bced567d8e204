package dev.rounds.heartbeat;

/** What a job says when it pings: it succeeded, it started, or it failed. */
public enum PingKind {
    SUCCESS("up"),
    START("started"),
    FAIL("failed");

    private final String status;

    PingKind(String status) {
        this.status = status;
    }

    /** The heartbeat's status after this ping, as the API and the probe's {@code last_status} show it. */
    public String status() {
        return status;
    }
}
