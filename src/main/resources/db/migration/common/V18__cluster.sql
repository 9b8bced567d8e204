-- Several instances on one database (docs/several-instances.md).
--
-- Each running instance holds a lease: its row, checked in every rounds.cluster.check-in from the database's clock.
-- A row not checked in for rounds.cluster.lease is a member gone; the first member to notice deletes it and audits
-- cluster.member.lost. A member takes probes for slots from eligible_from (its start plus rounds.cluster.settle, so
-- that every member has seen it first) and gives them up for slots from leaving_at (set at a clean stop).
CREATE TABLE cluster_member (
    member_id     VARCHAR(200)                NOT NULL PRIMARY KEY,
    host          VARCHAR(255)                NOT NULL,
    pid           BIGINT                      NOT NULL,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    checked_in_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    eligible_from TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    leaving_at    TIMESTAMP(6) WITH TIME ZONE,
    probes        INT                         NOT NULL
);

-- The slot a continuous probe's run was scheduled for (NULL for a run once per occurrence). Slots are the same on
-- every instance, so a run made twice (two members briefly both taking a probe) has the same key and slot, and the
-- database refuses the second: a double run is never stored.
ALTER TABLE probe_result ADD COLUMN slot_at TIMESTAMP(6) WITH TIME ZONE;
CREATE UNIQUE INDEX probe_result_key_slot ON probe_result (probe_key, slot_at);
