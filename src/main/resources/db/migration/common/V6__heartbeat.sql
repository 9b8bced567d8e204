-- Heartbeats: one row per heartbeat name the checklists declare, with the secret token its job pings with
-- (shown to admins, so kept as it is) and the state of its latest ping. Every ping is also an audit entry.
CREATE TABLE heartbeat (
    name             VARCHAR(100)  NOT NULL PRIMARY KEY,
    token            VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_ping_at     TIMESTAMP(6) WITH TIME ZONE,
    last_status      VARCHAR(8),
    last_message     VARCHAR(1000),
    last_success_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT heartbeat_token_unique UNIQUE (token)
);
