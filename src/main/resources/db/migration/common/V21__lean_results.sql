-- Disk at scale (docs/sizing.md): what no query reads is not stored.
-- No query reads raw results by target: reports read rollups, and the fold, verify and retention read by id.
DROP INDEX IF EXISTS probe_result_target_started;
-- Values are charted per local day only; the hourly value rollup was written and never read.
DROP TABLE IF EXISTS rollup_value_hour;
