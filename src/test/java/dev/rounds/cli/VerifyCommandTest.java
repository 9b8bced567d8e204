package dev.rounds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.AuditVerifier;
import dev.rounds.audit.ChainedAuditLog;
import dev.rounds.audit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerifyCommandTest {

    @Inject
    VerifyCommand command;

    @Inject
    AuditLog log;

    @Inject
    ChainedAuditLog chain;

    @Test
    void verifyPrintsTheHeadToRecordAndExitsZeroOnAnIntactChain() {
        long seq = log.append(AuditLog.SYSTEM, "rounds.started", "", Map.of());
        String hash = chain.entries(seq - 1, 1).get(0).hash();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = command.run("verify");
        } finally {
            System.setOut(out);
        }

        assertEquals(0, exit);
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("verified " + seq + " entries; head seq=" + seq + " hash=" + hash, lines[0]);
        assertTrue(lines[1].startsWith("digests: "), lines[1]);
    }

    @Test
    void timingsGoToStderrAndLeaveTheVerdictAsItIs() {
        log.append(AuditLog.SYSTEM, "rounds.started", "", Map.of());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream timed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int plainExit;
        int timedExit;
        try {
            System.setOut(new PrintStream(plain, true, StandardCharsets.UTF_8));
            plainExit = command.run("verify");
            System.setOut(new PrintStream(timed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            timedExit = command.run("verify", "--timings");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertEquals(0, plainExit);
        assertEquals(0, timedExit);
        assertEquals(plain.toString(StandardCharsets.UTF_8), timed.toString(StandardCharsets.UTF_8));
        String said = errors.toString(StandardCharsets.UTF_8);
        assertTrue(
                said.matches(
                        "verify timings: [0-9.]+ s wall \\(parallel walks: [0-9]+\\); summed over the walks: reading"
                                + " rows [0-9.]+ s, chain \\(hash and links\\) [0-9.]+ s, digest checks [0-9.]+ s\\R"),
                said);
    }

    @Test
    void unexpectedArgumentsExitTwo() {
        assertEquals(2, command.run("verify", "--from", "2026-01-01"));
    }

    @Test
    void brokenChainPrintsTheFirstBrokenEntryAndExitsOne() {
        try (TestDatabase database = TestDatabase.h2()) {
            ChainedAuditLog log = new ChainedAuditLog(database.dataSource(), Clock.systemUTC());
            for (int i = 1; i <= 5; i++) {
                log.append("alice", "occurrence.status", "daily/backup-review@2026-11-26", Map.of("n", i));
            }
            database.dropAppendOnlyTrigger();
            database.sql("UPDATE audit_log SET subject = 'daily/other@2026-11-26' WHERE seq = 3");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int exit = VerifyCommand.print(
                    new AuditVerifier(database.dataSource()).verify(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertEquals(1, exit);
            assertTrue(
                    printed.toString(StandardCharsets.UTF_8).startsWith("BROKEN at seq 3: hash mismatch"),
                    printed.toString(StandardCharsets.UTF_8));
        }
    }
}
