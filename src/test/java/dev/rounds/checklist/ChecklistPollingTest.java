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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    ChainedAuditLog audit;

    @Inject
    DataSource dataSource;

    @Test
    void anEditedFileIsReloadedWithoutAnyoneAsking() throws Exception {
        long mark = AuditEntries.head(dataSource);
        Path daily = registry.folder().resolve("daily.yaml");
        Files.writeString(daily, Files.readString(daily).replace("title: Daily maintenance", "title: Edited on disk"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!registry.current().checklist("daily").orElseThrow().title().equals("Edited on disk")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals("Edited on disk", registry.current().checklist("daily").orElseThrow().title());
        List<AuditEntries.Entry> entries = AuditEntries.after(audit, mark, ChecklistRegistry.SUBJECT);
        assertEquals(ChecklistRegistry.LOADED, entries.get(entries.size() - 1).action());
        assertEquals("system", entries.get(entries.size() - 1).actor());
    }
}
