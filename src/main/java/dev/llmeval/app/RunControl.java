package dev.llmeval.app;

import dev.llmeval.Plural;
import dev.llmeval.ExitStatus;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether a run goes on: it stops at the first request to stop (too many errors, a
 * judge that cannot work, the budget, Ctrl-C), and jobs not started by then are recorded as not
 * scored, never dropped.
 */
final class RunControl {

    private final int maxErrors;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile ExitStatus stopStatus = ExitStatus.JUDGE_FAILED;
    /** Whether the job on this thread had a judge call refused, unsent, because the run was stopping. */
    private final ThreadLocal<Boolean> refused = ThreadLocal.withInitial(() -> false);

    /** @param maxErrors the run stops when more than this many results are errors */
    RunControl(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** The default bound: 10% of the jobs, but never fewer than 5 errors. */
    static int defaultMaxErrors(int jobs) {
        return Math.max(5, (int) Math.ceil(jobs * 0.10));
    }

    void record(MetricResult result) {
        if (result.outcome() == Outcome.ERROR && errors.incrementAndGet() > maxErrors) {
            stop("more than " + Plural.of(maxErrors, "error") + " (--max-errors)");
        }
    }

    void stop(String reason) {
        stopReason.compareAndSet(null, reason);
    }

    /** Stops the run because the RAG system under test failed too often: exit 4, not 5. */
    void stopForTarget(String reason) {
        if (stopReason.compareAndSet(null, reason)) {
            stopStatus = ExitStatus.TARGET_FAILED;
        }
    }

    /** The job on this thread had a judge call refused without sending it: the run is stopping. */
    void refusedHere() {
        refused.set(true);
    }

    /** Whether the job on this thread had a call refused since the last call of this method; clears it. */
    boolean takeRefused() {
        boolean was = refused.get();
        refused.set(false);
        return was;
    }

    /** The exit status of a run that stopped early. */
    ExitStatus stopStatus() {
        return stopStatus;
    }

    /** Why the run stopped early, or null while it goes on. */
    String stopReason() {
        return stopReason.get();
    }

    int errors() {
        return errors.get();
    }

}
