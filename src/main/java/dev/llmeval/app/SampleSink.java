package dev.llmeval.app;

import dev.llmeval.metric.MetricResult;
import java.util.Map;

/**
 * Receives each sample's results once all its metrics are done, in dataset order, on one thread.
 *
 * @param <T> the samples as the scorer was given them
 */
@FunctionalInterface
interface SampleSink<T> {

    /**
     * @param index the sample's position in the golden set (0, 1, 2, … without gaps)
     * @param sample the sample, as given to the scorer
     * @param results metric id to result, in metric order
     */
    void accept(int index, T sample, Map<String, MetricResult> results);
}
