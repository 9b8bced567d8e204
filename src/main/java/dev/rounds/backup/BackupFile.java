package dev.rounds.backup;

/**
 * One file a backup wrote.
 *
 * @param kind {@code database} or {@code checklists}
 * @param path where it is, as Rounds resolved the backup folder
 */
public record BackupFile(String kind, String file, String path, long size, String sha256) {

    public static final String DATABASE = "database";
    public static final String CHECKLISTS = "checklists";
}
