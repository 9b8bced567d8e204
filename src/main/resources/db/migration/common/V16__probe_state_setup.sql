-- What the latest result says is missing before the probe can judge its target (a credential, a tool, a path, a
-- route out), with the one-line fix; NULL when nothing is. Kept with the latest state only: it is a hint for the
-- dashboard, not part of the recorded result.
ALTER TABLE probe_state ADD COLUMN setup_kind VARCHAR(16);
ALTER TABLE probe_state ADD COLUMN setup_fix VARCHAR(500);
