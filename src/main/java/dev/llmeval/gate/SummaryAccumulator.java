package dev.llmeval.gate;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.util.Objects;

/**
 * Builds one metric's {@link MetricSummary} a result at a time, so a run need not keep its
 * results: the mean over SCORED results only, the counts of the other outcomes and the summed
 * usage. Not thread-safe.
 */
public final class SummaryAccumulator {

    private final String metricId;
    private double sum;
    private int scored;
    private int notApplicable;
    private int skipped;
    private int errors;
    private JudgeUsage usage = JudgeUsage.NONE;

    public SummaryAccumulator(String metricId) {
        this.metricId = Objects.requireNonNull(metricId, "metricId == null");
    }

    public String metricId() {
        return metricId;
    }

    /**
     * Counts one result.
     *
     * @return this accumulator
     * @throws IllegalArgumentException when the result belongs to another metric
     */
    public SummaryAccumulator add(MetricResult result) {
        if (!result.metricId().equals(metricId)) {
            throw new IllegalArgumentException(
                    "a " + result.metricId() + " result in the " + metricId + " summary");
        }
        switch (result.outcome()) {
            case SCORED -> {
                scored++;
                sum += result.score();
            }
            case NOT_APPLICABLE -> notApplicable++;
            case SKIPPED -> skipped++;
            case ERROR -> errors++;
        }
        usage = usage.plus(result.usage());
        return this;
    }

    /** The summary of the results added so far. */
    public MetricSummary summary() {
        Double mean = scored == 0 ? null : sum / scored;
        return new MetricSummary(metricId, mean, scored, notApplicable, skipped, errors, usage);
    }
}
