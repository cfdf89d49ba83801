package dev.llmeval.gate;

import dev.llmeval.metric.MetricResult;
import java.util.List;

/**
 * Aggregates one metric's per-sample results into a {@link MetricSummary}; see
 * {@link SummaryAccumulator} to aggregate without keeping the results.
 */
public final class Summaries {

    private Summaries() {}

    /**
     * The mean over SCORED results only, the counts of the other outcomes and the summed usage.
     *
     * @throws IllegalArgumentException when a result belongs to another metric
     */
    public static MetricSummary of(String metricId, List<MetricResult> results) {
        SummaryAccumulator accumulator = new SummaryAccumulator(metricId);
        results.forEach(accumulator::add);
        return accumulator.summary();
    }
}
