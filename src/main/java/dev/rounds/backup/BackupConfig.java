package dev.rounds.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and when Rounds backs up its own database and checklists. */
@ConfigMapping(prefix = "rounds.backup")
public interface BackupConfig {

    /** The folder the backup files are written to. */
    @WithDefault("data/backups")
    String dir();

    /** When the nightly backup runs: a Quartz cron expression (seconds first) in the machine's time zone. */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** How many backups of each kind are kept; older ones are deleted after a new one is written. */
    @WithDefault("14")
    int keep();

    /** Whether Rounds takes a backup at start-up when the folder holds none yet, so a new installation is covered. */
    @WithDefault("true")
    boolean atFirstStart();

    /**
     * The pg_dump that backs up a PostgreSQL database: a path, or a name looked up on Rounds' PATH. Its major version
     * must be the server's or newer.
     */
    @WithDefault("pg_dump")
    String pgDump();
}
