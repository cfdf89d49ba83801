package dev.llmeval.app;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Shows scoring progress on stderr: a live bar on a terminal, a plain line every tenth of the
 * samples (and at the end) when stderr is a log, nothing with {@code --quiet}. A run that stopped
 * early ends with how many samples were really scored and why it stopped.
 */
interface Progress extends AutoCloseable {

    /**
     * One more sample has a result for every metric.
     *
     * @param scored false when the run stopped before all of its jobs ran (some were not scored)
     */
    void sampleDone(boolean scored);

    @Override
    void close();

    /**
     * @param status one short line of counters (calls, cache hits, errors, tokens, cost)
     * @param stopped why the run stopped early, or null while it has not
     */
    static Progress create(boolean quiet, boolean terminal, PrintWriter err, int samples, Supplier<String> status,
            Supplier<String> stopped) {
        if (quiet || samples == 0) {
            return new Progress() {
                @Override
                public void sampleDone(boolean scored) {}

                @Override
                public void close() {}
            };
        }
        return terminal ? new BarProgress(samples, status, stopped) : new LineProgress(err, samples, status, stopped);
    }
}
