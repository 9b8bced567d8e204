package dev.rounds.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import javax.sql.DataSource;

/**
 * The audit log's head as the test application starts, before any start-up observer of Rounds has appended: the
 * entries of this application's start-up are the ones after it.
 */
@ApplicationScoped
public class AuditAtStart {

    private volatile long seq = -1;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, DataSource dataSource) {
        seq = AuditEntries.head(dataSource);
    }

    /** The sequence number of the last entry appended before this application started. */
    public long seq() {
        if (seq < 0) throw new IllegalStateException("the application has not started");
        return seq;
    }
}
