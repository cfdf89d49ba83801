package dev.llmeval.gate;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.util.List;

/** Aggregates one metric's per-sample results into a {@link MetricSummary}. */
public final class Summaries {

    private Summaries() {}

    /**
     * The mean over SCORED results only, the counts of the other outcomes and the summed usage.
     *
     * @throws IllegalArgumentException when a result belongs to another metric
     */
    public static MetricSummary of(String metricId, List<MetricResult> results) {
        double sum = 0;
        int scored = 0;
        int notApplicable = 0;
        int skipped = 0;
        int errors = 0;
        JudgeUsage usage = JudgeUsage.NONE;
        for (MetricResult result : results) {
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
        }
        Double mean = scored == 0 ? null : sum / scored;
        return new MetricSummary(metricId, mean, scored, notApplicable, skipped, errors, usage);
    }
}
