package dev.rounds.probe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the ERROR lines Vert.x and Netty log while it is open, as "logger: message". */
public final class LoggedErrors implements AutoCloseable {

    private static final List<String> CATEGORIES = List.of("io.vertx", "io.netty");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                seen.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public LoggedErrors() {
        for (String category : CATEGORIES) Logger.getLogger(category).addHandler(handler);
    }

    public List<String> lines() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        for (String category : CATEGORIES) Logger.getLogger(category).removeHandler(handler);
    }
}
