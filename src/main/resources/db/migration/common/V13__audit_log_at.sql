-- The auditor's bundle finds the slice of a date range by time: without this, every export scanned the whole log.
-- (at, seq) lets MIN(seq) and MAX(seq) of a range be read from the index alone.
CREATE INDEX audit_log_at ON audit_log (at, seq);
