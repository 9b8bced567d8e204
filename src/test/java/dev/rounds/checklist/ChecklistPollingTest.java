package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.audit.AuditEntries;
import dev.rounds.audit.ChainedAuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The scheduler, not a test, notices an edited file and reloads it. */
@QuarkusTest
@TestProfile(ChecklistPollingTest.PollEverySecond.class)
class ChecklistPollingTest {

    /** The checklist test set-up with the folder polled every second. */
    public static class PollEverySecond extends ChecklistTestProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("rounds.checklists.poll", "1s");
            return overrides;
        }
    }

    @Inject
    ChecklistRegistry registry;

    @Inject
    LoadedEvents events;

    @Inject
    ChainedAuditLog audit;

    @Inject
    DataSource dataSource;

    @Test
    void anEditedFileIsReloadedWithoutAnyoneAsking() throws Exception {
        long mark = AuditEntries.head(dataSource);
        var reloaded = events.next();
        Path daily = registry.folder().resolve("daily.yaml");
        Files.writeString(daily, Files.readString(daily).replace("title: Daily maintenance", "title: Edited on disk"));

        reloaded.get(20, TimeUnit.SECONDS);
        assertEquals(
                "Edited on disk",
                registry.current().checklist("daily").orElseThrow().title());
        List<AuditEntries.Entry> entries = AuditEntries.after(audit, mark, ChecklistRegistry.SUBJECT);
        assertEquals(ChecklistRegistry.LOADED, entries.get(entries.size() - 1).action());
        assertEquals("system", entries.get(entries.size() - 1).actor());
    }
}
