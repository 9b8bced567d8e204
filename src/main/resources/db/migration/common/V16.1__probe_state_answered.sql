-- Whether the target has ever answered this probe (an up or warn result): an unresolvable name or a refused
-- connection is "needs setup" only before that. Rows from before this column count as answered when their latest
-- result or any stored result was up or warn.
ALTER TABLE probe_state ADD COLUMN answered BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE probe_state SET answered = TRUE
WHERE last_status IN ('up', 'warn')
   OR EXISTS (SELECT 1 FROM probe_result r WHERE r.probe_key = probe_state.probe_key AND r.status IN ('up', 'warn'));
