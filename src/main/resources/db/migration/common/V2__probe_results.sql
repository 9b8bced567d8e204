-- Probe results, written in batches by dev.rounds.probe.ResultWriter.
-- Each batch takes one block of ids from the sequence (one call), so a batch's ids are a range no other batch
-- shares, even with several Rounds instances on one database: the audit digest can name it by first and last id.
CREATE SEQUENCE probe_result_id_seq START WITH 1 INCREMENT BY 10000;

CREATE TABLE probe_result (
    id              BIGINT                      NOT NULL PRIMARY KEY,
    probe_key       VARCHAR(400)                NOT NULL,
    checklist_id    VARCHAR(128)                NOT NULL,
    activity_id     VARCHAR(128)                NOT NULL,
    probe_index     INT                         NOT NULL,
    target_id       VARCHAR(128)                NOT NULL,
    type            VARCHAR(32)                 NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_us     BIGINT                      NOT NULL,
    status          VARCHAR(8)                  NOT NULL,
    -- VARCHAR of this length is valid on H2 and PostgreSQL alike; stored strings are bounded by the writer.
    values_json     VARCHAR(1000000)            NOT NULL,
    conditions_json VARCHAR(1000000)            NOT NULL,
    message         VARCHAR(2000)
);

CREATE INDEX probe_result_key_started ON probe_result (probe_key, started_at);
CREATE INDEX probe_result_target_started ON probe_result (target_id, started_at);

-- The latest word on each probe against each target, kept up to date in the same transaction as the results.
CREATE TABLE probe_state (
    probe_key        VARCHAR(400)                NOT NULL PRIMARY KEY,
    checklist_id     VARCHAR(128)                NOT NULL,
    activity_id      VARCHAR(128)                NOT NULL,
    probe_index      INT                         NOT NULL,
    target_id        VARCHAR(128)                NOT NULL,
    last_status      VARCHAR(8)                  NOT NULL,
    last_result_id   BIGINT                      NOT NULL,
    last_started_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    consecutive_down INT                         NOT NULL,
    first_down_at    TIMESTAMP(6) WITH TIME ZONE,
    last_message     VARCHAR(2000)
);
