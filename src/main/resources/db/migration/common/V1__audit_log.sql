-- The hash-chained audit log (DESIGN "Audit log"). Every column is stored as the exact text that was
-- hashed, so verification recomputes hashes from the row alone: `at` is the formatted ISO-8601 UTC
-- instant with microseconds, `detail` the RFC 8785 canonical JSON.
CREATE TABLE audit_log (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at        VARCHAR(32)   NOT NULL,
    actor     VARCHAR(255)  NOT NULL,
    action    VARCHAR(255)  NOT NULL,
    subject   VARCHAR(2000) NOT NULL,
    detail    TEXT          NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);

-- verify looks up the few results.pruned entries before walking the chain; the page and export filter by action.
CREATE INDEX audit_log_action ON audit_log (action, seq);

-- The chain head: its single row is locked (SELECT ... FOR UPDATE) by every append, which serialises seq
-- assignment across every Rounds instance sharing the database. verify also compares it with the last entry,
-- so entries deleted from the end of the log do not go unnoticed.
CREATE TABLE audit_head (
    id   INTEGER  NOT NULL PRIMARY KEY CHECK (id = 1),
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
