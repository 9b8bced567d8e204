-- H2 has no procedural triggers: a Java trigger refuses every UPDATE and DELETE of an audit row.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'dev.rounds.audit.AppendOnlyTrigger';

-- H2's TRUNCATE TABLE fires no triggers, but it refuses to truncate a table that a foreign key references:
-- this always-empty table exists only to hold such a reference.
CREATE TABLE audit_log_truncate_guard (
    seq BIGINT REFERENCES audit_log (seq)
);
