package dev.llmeval.app;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Shows scoring progress on stderr: a live bar on a terminal, a plain line every tenth of the
 * samples (and at the end) when stderr is a log, nothing with {@code --quiet}.
 */
interface Progress extends AutoCloseable {

    /** One more sample has all its metrics scored. */
    void sampleDone();

    @Override
    void close();

    /**
     * @param status one short line of counters (calls, cache hits, errors, tokens, cost)
     */
    static Progress create(boolean quiet, boolean terminal, PrintWriter err, int samples, Supplier<String> status) {
        if (quiet || samples == 0) {
            return new Progress() {
                @Override
                public void sampleDone() {}

                @Override
                public void close() {}
            };
        }
        return terminal ? new BarProgress(samples, status) : new LineProgress(err, samples, status);
    }
}
