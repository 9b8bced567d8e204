package dev.rounds.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** The database's own way into one backup file: H2's {@code SCRIPT} ({@link H2Script}) or pg_dump ({@link PgDump}). */
interface DatabaseDump {

    /** The backup file's extension, with its dot. */
    String extension();

    /**
     * Writes the whole database to {@code target}, an empty file Rounds created.
     *
     * @throws IOException with a message that says what went wrong and what to do
     */
    void write(Path target) throws IOException, SQLException;
}
