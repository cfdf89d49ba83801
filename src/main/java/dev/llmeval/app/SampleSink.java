package dev.llmeval.app;

import dev.llmeval.metric.MetricResult;
import java.util.Map;

/** Receives each sample's results once all its metrics are done, in dataset order, on one thread. */
@FunctionalInterface
interface SampleSink {

    /**
     * @param index the sample's position in the golden set (0, 1, 2, … without gaps)
     * @param results metric id to result, in metric order
     */
    void accept(int index, Map<String, MetricResult> results);
}
