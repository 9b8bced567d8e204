package dev.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application's clock in tests whose profile enables it: it stands still until a test moves it. */
@Alternative
@ApplicationScoped
public class TestClock extends Clock {

    /** Where every test application starts: the Saturday before London's clocks go forward. */
    public static final Instant START = Instant.parse("2026-03-28T08:00:00Z");

    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("domain code works in UTC instants");
    }
}
