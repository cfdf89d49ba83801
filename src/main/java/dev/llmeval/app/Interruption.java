package dev.llmeval.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during scoring: stops the run (jobs not started are recorded as not scored) and holds
 * the JVM's exit until the partial report is written, for at most a minute.
 */
final class Interruption implements AutoCloseable {

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);

    private Interruption(RunControl control) {
        this.hook = new Thread(() -> {
            control.stop("interrupted (Ctrl-C)");
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "llmeval-interrupt");
    }

    static Interruption watch(RunControl control) {
        Interruption interruption = new Interruption(control);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
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
        }
    }
}
