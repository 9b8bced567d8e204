package dev.rounds.checklist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the checklists live and how often Rounds looks for changes to them. */
@ConfigMapping(prefix = "rounds.checklists")
public interface ChecklistsConfig {

    /** The default of {@link #dir()}, also for the {@code validate} command, which runs without the configuration. */
    String DEFAULT_DIR = "checklists";

    /** The folder holding inventory.yaml and one YAML file per checklist. */
    @WithDefault(DEFAULT_DIR)
    String dir();

    /** How often the folder's file hashes are compared with the loaded ones; a change triggers a reload. */
    @WithDefault("5s")
    Duration poll();
}
