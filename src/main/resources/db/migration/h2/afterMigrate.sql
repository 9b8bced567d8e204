-- Runs after every migration at start-up (a Flyway callback), before Rounds writes anything.
-- H2 keeps committed changes in memory for up to WRITE_DELAY ms (500 by default) before writing them to its file:
-- a kill -9 within that span lost sign-offs that had been answered 201, and the next entries reused their audit
-- sequence numbers. With 0 every commit is written to the file before it returns. The setting is persistent.
SET WRITE_DELAY 0;
