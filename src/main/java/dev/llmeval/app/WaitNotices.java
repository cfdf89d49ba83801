package dev.llmeval.app;

import dev.llmeval.judge.RetryWait;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Prints a line on stderr when a judge call waits long before its retry (a two-minute Retry-After
 * would otherwise look like a hang): once per wait, not once per job when every job in flight
 * waits at the same time.
 */
final class WaitNotices implements Consumer<RetryWait> {

    /** Waits shorter than this pass silently. */
    static final Duration LONG = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final Clock clock;
    private Instant announcedUntil = Instant.MIN;

    WaitNotices(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void accept(RetryWait wait) {
        if (wait.delay().compareTo(LONG) < 0) {
            return;
        }
        Instant until = clock.instant().plus(wait.delay());
        // a wait that ends within a second of the one already announced is the same pause
        if (!until.isAfter(announcedUntil.plusSeconds(1))) {
            return;
        }
        announcedUntil = until;
        long seconds = Math.round(wait.delay().toMillis() / 1000.0);
        LocalTime at = LocalTime.ofInstant(until, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
        err.println("llmeval: " + (wait.retryAfter()
                ? "the judge asked to wait " + seconds + " s (" + wait.cause() + ", Retry-After)"
                : "a judge call failed (" + wait.cause() + "); backing off " + seconds + " s")
                + "; retrying at " + at + ", the run goes on then");
        err.flush();
    }
}
