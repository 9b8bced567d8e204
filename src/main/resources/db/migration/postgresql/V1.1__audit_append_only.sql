-- Audit rows are never updated or deleted: the database refuses it, whoever asks.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'audit_log is append-only: TRUNCATE refused'
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'audit entries are never removed; prune probe results instead';
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % of entry seq % refused', TG_OP, OLD.seq
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'record a correction as a new audit entry instead';
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
