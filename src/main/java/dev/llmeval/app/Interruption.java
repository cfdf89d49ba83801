package dev.llmeval.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT, exit 130) or SIGTERM (exit 143: {@code kill}, a CI runner cancelling the job)
 * during scoring: stops the run (jobs not started are recorded as not scored) and holds the JVM's
 * exit until the partial report is written, for at most a minute. The report says which of the
 * two it was: a SIGTERM handler notes the signal, then hands it to the JVM's own handler.
 */
final class Interruption implements AutoCloseable {

    static final String CTRL_C = "interrupted (Ctrl-C)";
    static final String SIGTERM = "terminated (SIGTERM)";

    private static final Signal TERM = term();

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile boolean terminated;
    private SignalHandler previous;

    private Interruption(RunControl control) {
        this.hook = new Thread(() -> {
            control.stop(terminated ? SIGTERM : CTRL_C);
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "llmeval-interrupt");
    }

    static Interruption watch(RunControl control) {
        Interruption interruption = new Interruption(control);
        if (TERM != null) {
            try {
                interruption.previous = Signal.handle(TERM, signal -> {
                    interruption.terminated = true;
                    SignalHandler jvm = interruption.previous;
                    if (jvm != null) {
                        jvm.handle(signal);
                    } else {
                        Runtime.getRuntime().exit(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException | IllegalStateException e) {
                // signals reserved (-Xrs) or unknown: a SIGTERM is then reported as an interruption
            }
        }
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    private static Signal term() {
        try {
            return new Signal("TERM");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void reportWritten() {
        written.countDown();
    }

    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (Ctrl-C): the hook runs and returns at once
            return;
        }
        if (previous != null) {
            try {
                Signal.handle(TERM, previous);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // leave ours: it hands the signal on anyway
            }
        }
    }
}
